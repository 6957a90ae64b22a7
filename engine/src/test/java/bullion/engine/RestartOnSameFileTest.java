package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.core.Entry;
import bullion.core.TableReport;
import bullion.engine.persistence.DatabaseSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table survives a full stop of the actor system: a new system on the same H2 file knows its whole history. */
class RestartOnSameFileTest {

  @TempDir Path dataDir;

  @Test
  void aTableAnswersItsFirstCommandAfterARestartWithItsWholeHistory() {
    EngineSettings settings = EngineSettings.singleNode(DatabaseSettings.h2File(dataDir));
    TableId id;
    String token;
    try (TableSystem first = TableSystem.start(settings)) {
      Tables tables = first.tables();
      Tables.Opened opened = Await.result(tables.open(new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100)));
      assertThat(opened.outcome()).isInstanceOf(Outcome.Done.class);
      id = opened.id();
      token = opened.manageToken();
      Await.done(tables.addPlayer(id, token, "Ari", Optional.empty()));
      Await.done(tables.buyIn(id, token, 1, 2, Optional.empty()));
      Await.done(tables.cashOut(id, token, 1, 50, Optional.empty()));
    }
    try (TableSystem second = TableSystem.start(settings)) {
      // No view first: the buy-in itself must wake the table from its journal.
      Outcome.Done done = Await.done(second.tables().buyIn(id, token, 1, 1, Optional.empty()));
      assertThat(done.table().entries()).extracting(Entry::seq).containsExactly(1, 2, 3);
      assertThat(done.table().players()).extracting(p -> p.name()).containsExactly("Ari");
      assertThat(TableReport.of(done.table()).totals().chipsOnTable()).isEqualTo(250);
    }
  }
}

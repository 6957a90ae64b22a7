package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.BuyInSize;
import bullion.core.Command;
import bullion.core.Entry;
import bullion.core.Paid;
import bullion.core.Table;
import bullion.core.TableReport;
import bullion.core.TableStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table survives a full stop of the actor system: a new system on the same embedded file (H2's or SQLite's) knows its
 * whole history.
 */
class RestartOnSameFileTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void aTableAnswersItsFirstCommandAfterARestartWithItsWholeHistory(EmbeddedFile file) {
        EngineSettings settings = EngineSettings.singleNode(file.in(dataDir));
        TableId id;
        String token;
        try (TableSystem first = TableSystem.start(settings)) {
            Tables tables = first.tables();
            Tables.Opened opened =
                    Await.result(tables.open(new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100)));
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

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void aClosedNightKeepsItsFrozenPaymentsAndTheirPaidMarksThroughARestart(EmbeddedFile file) {
        // Snapshots every 2 events, so the second system recovers from a snapshot and the events after it.
        EngineSettings settings = EngineSettings.singleNode(file.in(dataDir)).withSnapshotEvery(2);
        TableId id;
        String token;
        Table closed;
        try (TableSystem first = TableSystem.start(settings)) {
            Tables tables = first.tables();
            Tables.Opened opened = Await.result(tables.open(
                    new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100, Optional.of(Paid.CASH))));
            id = opened.id();
            token = opened.manageToken();
            for (String name : List.of("Ann", "Bob", "Cat")) {
                Await.done(tables.addPlayer(id, token, name, Optional.empty()));
            }
            Await.done(tables.buyIn(id, token, 1, 1, Optional.empty()));
            Await.done(tables.buyIn(id, token, 2, 1, Optional.empty()));
            Await.done(tables.change(
                    id,
                    token,
                    new Command.BuyIn(3, new BuyInSize.Count(1), Optional.of(Paid.CREDIT)),
                    Optional.empty()));
            Await.done(tables.cashOut(id, token, 1, 200, Optional.empty()));
            Await.done(tables.cashOut(id, token, 2, 50, Optional.empty()));
            Await.done(tables.cashOut(id, token, 3, 50, Optional.empty()));
            Await.done(tables.close(id, token, Optional.empty()));
            closed = Await.done(tables.change(id, token, new Command.MarkPaid(1), Optional.empty()))
                    .table();
        }
        assertThat(closed.closing().orElseThrow().payments()).hasSize(2);
        try (TableSystem second = TableSystem.start(settings)) {
            Table recovered =
                    Await.done(second.tables().view(id, Optional.empty())).table();
            assertThat(recovered).isEqualTo(closed);
            assertThat(recovered.payment(1).orElseThrow().paidAt()).isPresent();
            assertThat(recovered.payment(2).orElseThrow().paidAt()).isEmpty();
            assertThat(recovered.status()).isEqualTo(TableStatus.CLOSED);
            Table settled = Await.done(second.tables().change(id, token, new Command.MarkPaid(2), Optional.empty()))
                    .table();
            assertThat(settled.status()).isEqualTo(TableStatus.SETTLED);
        }
    }
}

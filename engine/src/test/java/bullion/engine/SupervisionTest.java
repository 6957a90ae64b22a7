package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bullion.core.Command;
import bullion.core.CommandDecider;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A fault inside one table restarts that table from its journal and leaves every other table alone. */
class SupervisionTest {

    /** The core's decide, except that a player named "💥" makes it throw: a bug, injected. */
    private static final Decide FAULTY = (table, command, now) -> {
        if (command instanceof Command.AddPlayer add && "💥".equals(add.name())) {
            throw new IllegalStateException("injected fault");
        }
        return CommandDecider.decide(table, command, now);
    };

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void aCrashedTableRestartsFromItsJournalWithoutTouchingAnother(EmbeddedFile file) throws Exception {
        EngineSettings settings = EngineSettings.singleNode(file.in(dataDir)).withAskTimeout(Duration.ofSeconds(3));
        try (TableSystem system = TableSystem.start(settings, FAULTY)) {
            Tables tables = system.tables();
            Tables.Opened crashing =
                    Await.result(tables.open(new Command.OpenTable("Crashing", "USD", BigDecimal.TEN, 10)));
            Tables.Opened bystander =
                    Await.result(tables.open(new Command.OpenTable("Bystander", "USD", BigDecimal.TEN, 10)));
            Await.done(tables.addPlayer(crashing.id(), crashing.manageToken(), "Ari", Optional.empty()));
            Await.done(tables.buyIn(crashing.id(), crashing.manageToken(), 1, 2, Optional.empty()));
            Await.done(tables.addPlayer(bystander.id(), bystander.manageToken(), "Bea", Optional.empty()));

            // The faulty command and the one queued right behind it: a restarted table keeps its mailbox and answers
            // the second after replaying its journal; a table that merely died would drop it with the process.
            var faulty = tables.addPlayer(crashing.id(), crashing.manageToken(), "💥", Optional.empty())
                    .toCompletableFuture();
            var queuedBehind = tables.buyIn(crashing.id(), crashing.manageToken(), 1, 1, Optional.empty());
            assertThatThrownBy(() -> faulty.get(10, TimeUnit.SECONDS)).hasMessageContaining("timed out");

            Outcome.Done afterRestart = Await.done(queuedBehind);
            assertThat(afterRestart.table().players()).extracting(p -> p.name()).containsExactly("Ari");
            assertThat(afterRestart.table().entries()).hasSize(2);
            assertThat(afterRestart.table().chipsOnTable()).isEqualTo(30);

            Outcome.Done other =
                    Await.done(tables.buyIn(bystander.id(), bystander.manageToken(), 1, 1, Optional.empty()));
            assertThat(other.table().players()).extracting(p -> p.name()).containsExactly("Bea");
            assertThat(other.table().entries()).hasSize(1);
        }
    }
}

package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Entry;
import bullion.core.TableReport;
import bullion.engine.persistence.DatabaseSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal is forever: an embedded file written by an earlier Bullion (see {@code golden-h2/README.md}) opens with
 * today's {@link DatabaseSettings#h2File}, its table answers with its whole history and takes new changes, and those
 * survive a restart. Whatever the embedded default becomes (other H2 settings, another engine and a migration), the
 * files users already have must pass this.
 */
class GoldenH2FileTest {

    private static final TableId TABLE = TableId.parse("20DFaDVKijC4vYvpOmX-wA").orElseThrow();
    private static final String TOKEN = "d946xEaXKjZWs6qO9hN04DbIaNPSmnR7lvzYG-Mfhd0";

    @TempDir
    Path dataDir;

    @Test
    void aFileFromAnEarlierVersionOpensWithTodaysSettingsAndKeepsItsWholeHistory() throws Exception {
        try (InputStream golden = getClass().getResourceAsStream("/golden-h2/bullion.mv.db")) {
            Files.copy(golden, dataDir.resolve("bullion.mv.db"));
        }
        EngineSettings settings = EngineSettings.singleNode(DatabaseSettings.h2File(dataDir));
        try (TableSystem system = TableSystem.start(settings)) {
            Outcome.Done view = firstView(system);
            assertThat(view.table().settings().name()).isEqualTo("Golden Friday");
            assertThat(view.table().players()).extracting(p -> p.name()).containsExactly("Ann", "Bob", "Cat");
            assertThat(view.table().entries())
                    .extracting(Entry::seq)
                    .hasSize(12)
                    .isSorted();
            assertThat(TableReport.of(view.table()).totals().chipsBought()).isEqualTo(1_200);

            Outcome.Done more = Await.done(system.tables().buyIn(TABLE, TOKEN, 2, 1, Optional.empty()));
            assertThat(more.table().entries()).hasSize(13);
        }
        try (TableSystem again = TableSystem.start(settings)) {
            Outcome.Done view = firstView(again);
            assertThat(view.table().entries())
                    .extracting(Entry::seq)
                    .hasSize(13)
                    .isSorted();
            assertThat(TableReport.of(view.table()).totals().chipsBought()).isEqualTo(1_300);
        }
    }

    /**
     * The table's first answer after a start. It recovers from the file first (JIT, pool and first queries cold); on a
     * starved machine that recovery can outlast the journal breaker's call timeout, and the table restarts and recovers
     * again, so the first ask is repeated for a bounded while; a file that cannot be read never answers.
     */
    private static Outcome.Done firstView(TableSystem system) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                return Await.done(system.tables().view(TABLE, Optional.empty()));
            } catch (AssertionError e) {
                if (System.nanoTime() > giveUp) {
                    throw e;
                }
            }
        }
    }
}

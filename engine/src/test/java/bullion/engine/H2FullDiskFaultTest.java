package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded file's disk fills up under a write load and is freed again, through a write-failing file system double
 * ({@link FullDiskFileSystem}; a real small tmpfs needs root mounts CI lacks): every change the facade acknowledged is
 * in the journal exactly once, every change it said was not recorded (timed out, or refused) is not, and writes
 * succeed again within 5 s of the space coming back, without a restart.
 */
class H2FullDiskFaultTest {

    private static final Duration FULL_FOR = Duration.ofSeconds(4);

    @TempDir
    Path dataDir;

    @AfterEach
    void freeTheDisk() {
        FullDiskFileSystem.free();
    }

    @Test
    void aChangeTheFacadeDidNotAcknowledgeIsNeverRecordedAndWritesHealWithinFiveSecondsOfSpace() throws Exception {
        DatabaseSettings database = FullDiskFileSystem.h2File(dataDir);
        assertThat(database.h2Directory())
                .as("the free-space rule still reads the real disk")
                .contains(dataDir.toAbsolutePath());
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(database))) {
            Tables tables = system.tables();
            FaultLoad load = FaultLoad.start(tables, "Full ");

            load.awaitRecorded(40, Duration.ofSeconds(20));
            long filled = System.nanoTime();
            FullDiskFileSystem.fill();
            System.out.println("FILLED at " + java.time.LocalTime.now());
            // The disk stays full for FULL_FOR; meanwhile note when (if at all) the facade starts refusing.
            long seen = 0;
            while (System.nanoTime() - filled < FULL_FOR.toNanos()) {
                if (seen == 0 && tables.journalProblem().isPresent()) {
                    seen = System.nanoTime();
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // watching the facade, not waiting for a result
            }
            long failedWrites = FullDiskFileSystem.failedWrites();
            FullDiskFileSystem.free();
            System.out.println("FREED at " + java.time.LocalTime.now());
            long back = System.nanoTime();
            // Recovered: every table has acknowledged a change it was asked for after the space came back.
            FaultLoad.Recovery recovery;
            try {
                recovery = load.awaitRecovery(back, Duration.ofSeconds(20));
            } catch (AssertionError e) {
                FullDiskFileSystem.dumpOpen();
                throw e;
            }
            FaultLoad.Tally tally = load.stop();

            Set<String> journaled = FaultLoad.journaledRequestIds(
                    database.url(),
                    database.user(),
                    database.password(),
                    "SELECT \"event_payload\" FROM \"event_journal\"");
            System.out.printf(
                    "H2FullDiskFaultTest: %s;"
                            + " disk full for %d ms (%d writes failed), seen by the facade %s; first write back %d ms, every table"
                            + " back %d ms after the space%n",
                    tally.figures(),
                    FULL_FOR.toMillis(),
                    failedWrites,
                    seen == 0 ? "never" : (seen - filled) / 1_000_000 + " ms after",
                    (recovery.firstBackNanos() - back) / 1_000_000,
                    (recovery.everyTableBackNanos() - back) / 1_000_000);

            assertThat(failedWrites).as("the full disk was hit").isPositive();
            tally.assertJournalHoldsExactlyTheAcknowledged(journaled);
            assertThat(tally.slowestRefusalMs()).isLessThan(1_000);
            assertThat(Duration.ofNanos(recovery.everyTableBackNanos() - back)).isLessThan(Duration.ofSeconds(5));
        }
    }
}

package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default embedded file, SQLite's, stops taking writes under a write load and takes them again: for
 * {@value #FAILING_FOR_SECONDS} s, longer than a change may wait for its table, every write this JVM makes to a file
 * fails ({@link FileSizeLimit} at 0: a limit on the size of the files this process writes, the nearest to a full disk
 * a test can set without a mount of its own; SQLite gets an I/O error where a full disk would give it
 * {@code SQLITE_FULL}). The promise is
 * {@link H2FullDiskFaultTest}'s: every change the facade acknowledged is in the journal exactly once, every change it
 * said was not recorded (timed out, or refused) is not, and writes succeed again within 5 s of the fault's end, without
 * a restart. The journal's probe sees the fault within 2 s and the facade refuses changes at once from then on.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the fault is a Linux resource limit, set with util-linux's prlimit")
class SqliteFullDiskFaultTest {

    /** Longer than a change may wait to reach its table (6 s of the 10 s ask timeout): some must be refused. */
    private static final int FAILING_FOR_SECONDS = 8;

    /** How long after the fault starts an acknowledgement may still be of a write made before it. */
    private static final Duration IN_FLIGHT = Duration.ofSeconds(1);

    @TempDir
    Path dataDir;

    @AfterEach
    void liftTheLimit() {
        FileSizeLimit.lift();
    }

    @Test
    void aChangeTheFacadeDidNotAcknowledgeIsNeverRecordedAndWritesHealWithinFiveSecondsOfTheFault() throws Exception {
        FileSizeLimit.requireAvailable();
        DatabaseSettings database = DatabaseSettings.embedded(dataDir);
        assertThat(database.kind()).isEqualTo(DatabaseSettings.Kind.SQLITE);
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(database))) {
            Tables tables = system.tables();
            FaultLoad load = FaultLoad.start(tables, "Full ");

            load.awaitRecorded(40, Duration.ofSeconds(20));
            long failing = System.nanoTime();
            FileSizeLimit.set(0);
            FaultLoad.awaitTrue(
                    () -> tables.journalProblem().isPresent(),
                    Duration.ofSeconds(2),
                    "the facade never saw that the journal cannot be written");
            long seen = System.nanoTime();
            LockSupport.parkNanos(
                    failing + Duration.ofSeconds(FAILING_FOR_SECONDS).toNanos() - seen); // the fault
            FileSizeLimit.lift();
            long back = System.nanoTime();
            // Recovered: every table has acknowledged a change it was asked for after writes worked again.
            FaultLoad.Recovery recovery = load.awaitRecovery(back, Duration.ofSeconds(20));
            FaultLoad.Tally tally = load.stop();

            Set<String> journaled = FaultLoad.journaledRequestIds(
                    database.url(), database.user(), database.password(), "SELECT event_payload FROM event_journal");
            long acknowledgedMidFault = tally.all().stream()
                    .filter(a -> a.result() == FaultLoad.Result.RECORDED)
                    .filter(a -> a.endedNanos() > failing + IN_FLIGHT.toNanos() && a.endedNanos() < back)
                    .count();
            System.out.printf(
                    "SqliteFullDiskFaultTest: %s; writes failing for %d ms, seen by the facade %d ms after,"
                            + " %d changes acknowledged from 1 s into it; first write back %d ms,"
                            + " every table back %d ms after%n",
                    tally.figures(),
                    (back - failing) / 1_000_000,
                    (seen - failing) / 1_000_000,
                    acknowledgedMidFault,
                    (recovery.firstBackNanos() - back) / 1_000_000,
                    (recovery.everyTableBackNanos() - back) / 1_000_000);

            assertThat(acknowledgedMidFault)
                    .as("no change is acknowledged while no write can reach the file")
                    .isZero();
            assertThat(tally.refused())
                    .as("changes refused at once while the facade saw the fault")
                    .isPositive();
            assertThat(tally.timedOut())
                    .as("changes already with their table outlasted the time a change may wait")
                    .isPositive();
            tally.assertJournalHoldsExactlyTheAcknowledged(journaled);
            assertThat(tally.slowestRefusalMs()).isLessThan(1_000);
            assertThat(Duration.ofNanos(recovery.everyTableBackNanos() - back)).isLessThan(Duration.ofSeconds(5));
            assertThat(integrityCheck(database)).isEqualTo("ok");
        }
    }

    /** SQLite's own check of the whole file: "ok", or what it found wrong. */
    private static String integrityCheck(DatabaseSettings database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA integrity_check")) {
            row.next();
            return row.getString(1);
        }
    }
}

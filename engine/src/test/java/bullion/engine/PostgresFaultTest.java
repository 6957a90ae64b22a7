package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL dies under a write load and comes back: every change the facade acknowledged is in the journal, every
 * change it said was not recorded (timed out, or refused while the journal was down) is not, changes are refused at
 * once while it is down, and writes succeed again within 5 s of the database accepting connections.
 */
class PostgresFaultTest {

    private static final Duration DOWN_FOR = Duration.ofSeconds(6);

    @Test
    void aChangeTheFacadeDidNotAcknowledgeIsNeverRecordedAndWritesHealWithinFiveSeconds() throws Exception {
        try (ThrowawayPostgres pg = ThrowawayPostgres.start();
                TableSystem system = TableSystem.start(EngineSettings.singleNode(pg.settings()))) {
            Tables tables = system.tables();
            FaultLoad load = FaultLoad.start(tables, "Fault ");

            load.awaitRecorded(40, Duration.ofSeconds(20));
            long stopped = System.nanoTime();
            pg.stopServer();
            FaultLoad.awaitTrue(
                    () -> tables.journalProblem().isPresent(),
                    Duration.ofSeconds(5),
                    "the facade never saw the journal down");
            long seen = System.nanoTime();
            LockSupport.parkNanos(DOWN_FOR.toNanos()); // the outage itself, not a wait for a result
            pg.startServer();
            long back = System.nanoTime();
            // Recovered: every table has acknowledged a change it was asked for after the database came back.
            FaultLoad.Recovery recovery = load.awaitRecovery(back, Duration.ofSeconds(15));
            FaultLoad.Tally tally = load.stop();

            Set<String> journaled = FaultLoad.journaledRequestIds(
                    pg.settings().url(), "postgres", "", "SELECT event_payload FROM event_journal");
            System.out.printf(
                    "PostgresFaultTest: %s;"
                            + " outage seen by the facade %d ms after the stop; first write back %d ms, every table back %d ms"
                            + " after the database%n",
                    tally.figures(),
                    (seen - stopped) / 1_000_000,
                    (recovery.firstBackNanos() - back) / 1_000_000,
                    (recovery.everyTableBackNanos() - back) / 1_000_000);

            tally.assertJournalHoldsExactlyTheAcknowledged(journaled);
            assertThat(tally.refused()).isPositive();
            assertThat(tally.slowestRefusalMs()).isLessThan(1_000);
            assertThat(Duration.ofNanos(recovery.everyTableBackNanos() - back)).isLessThan(Duration.ofSeconds(5));
        }
    }
}

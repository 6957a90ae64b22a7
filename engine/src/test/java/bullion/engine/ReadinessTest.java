package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.engine.ops.Health;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose database goes away turns not-ready (naming the journal as the check that failed), and ready again once
 * the database is back, without a restart: on a throwaway PostgreSQL that is stopped and started, and on the embedded
 * file whose disk stops taking writes.
 */
class ReadinessTest {

    @TempDir
    Path dataDir;

    @AfterEach
    void freeTheDisk() {
        FullDiskFileSystem.free();
    }

    @Test
    void aNodeIsNotReadyWhilePostgresIsStoppedAndReadyOnceItIsBack() throws Exception {
        try (ThrowawayPostgres pg = ThrowawayPostgres.start();
                TableSystem system = TableSystem.start(EngineSettings.singleNode(pg.settings()))) {
            Health health = system.health();
            long started = System.nanoTime();
            await(health, Health.Report::ok, "ready after start-up");
            System.out.printf("ReadinessTest (PostgreSQL): ready %d ms after start()%n", millisSince(started));
            assertThat(health.live().ok()).isTrue();

            pg.stopServer();
            long stopped = System.nanoTime();
            Health.Report down = await(health, report -> !report.ok(), "not ready with the database stopped");
            long notReadyAfter = millisSince(stopped);
            assertThat(failed(down)).containsExactly("journal");
            assertThat(health.live().ok())
                    .as("a database is no reason to restart this node")
                    .isTrue();

            pg.startServer();
            long startedAgain = System.nanoTime();
            await(health, Health.Report::ok, "ready again once the database is back");
            long readyAfter = millisSince(startedAgain);
            System.out.printf(
                    "ReadinessTest (PostgreSQL): not ready %d ms after the stop, ready %d ms after the database"
                            + " accepted connections again%n",
                    notReadyAfter, readyAfter);
            Await.done(system.tables().view(openTable(system.tables()).id(), Optional.empty()));
        }
    }

    @Test
    void aNodeIsNotReadyWhileItsEmbeddedFileCannotBeWrittenAndReadyOnceItCan() {
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(FullDiskFileSystem.h2File(dataDir)))) {
            Health health = system.health();
            await(health, Health.Report::ok, "ready after start-up");
            Tables.Opened table = openTable(system.tables());

            FullDiskFileSystem.fill();
            // A full disk shows when a write fails: this one fails, and the node turns not-ready.
            Await.result(system.tables()
                    .addPlayer(table.id(), table.manageToken(), "Bo", Optional.empty())
                    .handle((outcome, error) -> outcome));
            long filled = System.nanoTime();
            Health.Report down = await(health, report -> !report.ok(), "not ready with the disk full");
            long notReadyAfter = millisSince(filled);
            assertThat(failed(down)).containsExactly("journal");

            FullDiskFileSystem.free();
            long freed = System.nanoTime();
            await(health, Health.Report::ok, "ready again once the disk takes writes");
            System.out.printf(
                    "ReadinessTest (embedded file): not ready %d ms after a write failed, ready %d ms after the disk"
                            + " took writes again%n",
                    notReadyAfter, millisSince(freed));
        }
    }

    private static Tables.Opened openTable(Tables tables) {
        return Await.result(tables.open(new Command.OpenTable("Ready?", "EUR", BigDecimal.TEN, 10)));
    }

    private static java.util.List<String> failed(Health.Report report) {
        return report.checks().stream()
                .filter(check -> !check.ok())
                .map(Health.Check::name)
                .toList();
    }

    /** Polls the (cheap) readiness report until it matches; 20 s at most. */
    private static Health.Report await(Health health, Predicate<Health.Report> wanted, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Health.Report report = health.ready();
        while (!wanted.test(report)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within 20 s: " + report);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // polling a local read, not waiting for a result
            report = health.ready();
        }
        return report;
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}

package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.engine.persistence.DatabaseSettings;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 file stays bounded while it runs (issue 12), as a data directory an earlier version made still uses
 * it (SQLite, the default of a new one, needs no housekeeping): {@value #WRITERS} tables at a time play realistic
 * nights (8 players, about 150 events, snapshots at the default interval) through the engine as fast as the machine
 * takes them, and the OPEN file is measured against the events in the journal. Prints where the bytes go (events,
 * snapshots, the store's fill rate, bytes H2 wrote) at each tenth of the run.
 */
class H2FileSizeTest {

    /** Tables played at a time; fewer writers, a lower rate (BENCHMARKS.md also runs {@code -Dbullion.h2size.writers=2}). */
    private static final int WRITERS = Integer.getInteger("bullion.h2size.writers", 32);
    /**
     * Events in the run: enough for the second half to show the housekeeping's balance at a sustained rate. The file's
     * size per event still falls for longer than that (BENCHMARKS.md runs {@code -Dbullion.h2size.events=96000}). It was
     * 24,000 until a fast machine (30 Nov, 23:55; 4,000-5,000 events/s) measured 1,740-2,226 bytes per event over that
     * run's second half, around the bound below; over the second half of 48,000 it measured 1,423-1,756.
     */
    private static final int EVENTS = Integer.getInteger("bullion.h2size.events", 48_000);

    private static final int PLAYERS = 8;
    private static final int BUY_INS = 132;
    /**
     * What this guards is that the open file stays bounded: without the housekeeping it grows by about 9 KB per event
     * for good, and with H2's default 4 KiB pages it measured 1,650-1,840 bytes per event over this run on a quiet
     * machine. Issue 14's goal, 1 KiB per event in steady state, is a figure this test prints, not one it asserts:
     * the file's size per event rises with the rate the machine writes at, and falls as the run goes on (with 2 KiB
     * pages 910-1,010 bytes over this run's second half at about 1,600 events/s, 840-890 after 96,000 events at
     * 2,700-2,800 events/s; BENCHMARKS.md, "Embedded database"). A home game writes a few events a minute. On a
     * machine busy with other work the same run measured up to 1,521 bytes over its second half (30 Nov), a hair under
     * the 1.5 KiB this asserted, so the bound is 2 KiB: still a quarter of the unbounded growth.
     */
    private static final long BYTES_PER_EVENT = 2048;
    /**
     * H2's own compaction as it closes moved chunks to the file's end and ran out of time, leaving the stopped file up
     * to 40 % larger than the running one; with it off ({@code MAX_COMPACT_TIME=0}) a stop adds only its last commit.
     */
    private static final double STOPPED_OVER_OPEN = 1.1;

    @TempDir
    Path dataDir;

    @Test
    void theOpenFileStaysBoundedUnderASustainedLoadOfRealisticNights() throws Exception {
        DatabaseSettings database = DatabaseSettings.h2File(dataDir);
        Path file = dataDir.resolve("bullion.mv.db");
        AtomicLong events = new AtomicLong();
        List<Long> perEvent = new ArrayList<>();
        long openAtEnd;
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(database));
                ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            long started = System.nanoTime();
            List<Future<?>> nights = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                nights.add(writers.submit(() -> {
                    for (int night = 0; events.get() < EVENTS; night++) {
                        playNight(system.tables(), "Size " + writer + "-" + night, events);
                    }
                    return null;
                }));
            }
            long nextReport = EVENTS / 10;
            for (Future<?> night : nights) {
                while (!night.isDone()) {
                    try {
                        night.get(200, TimeUnit.MILLISECONDS); // rethrows a writer's failure
                    } catch (TimeoutException stillPlaying) {
                        if (events.get() >= nextReport) {
                            perEvent.add(report(database, file, started));
                            nextReport += EVENTS / 10;
                        }
                    }
                }
                night.get();
            }
            perEvent.add(report(database, file, started));
            openAtEnd = Files.size(file);
        }
        long stopped = Files.size(file);
        System.out.printf("H2FileSizeTest: after a clean stop %d bytes%n", stopped);
        long steady = perEvent.subList(perEvent.size() / 2, perEvent.size()).stream()
                .mapToLong(Long::longValue)
                .max()
                .orElseThrow();
        assertThat(steady)
                .as("bytes per event on the open file over the second half of the run")
                .isLessThanOrEqualTo(BYTES_PER_EVENT);
        assertThat((double) stopped)
                .as("the file after a clean stop against the running file at the end")
                .isLessThanOrEqualTo(openAtEnd * STOPPED_OVER_OPEN);
    }

    /** One night: open, seat the players, buy-ins round the table, everyone cashes out what they bought, close. */
    private static void playNight(Tables tables, String name, AtomicLong events) {
        Tables.Opened table =
                patiently(() -> Await.result(tables.open(new Command.OpenTable(name, "EUR", BigDecimal.TEN, 10))));
        events.incrementAndGet();
        for (int p = 1; p <= PLAYERS; p++) {
            String player = "P" + p;
            patiently(() -> Await.done(tables.addPlayer(table.id(), table.manageToken(), player, Optional.empty())));
            events.incrementAndGet();
        }
        long[] bought = new long[PLAYERS + 1];
        for (int b = 0; b < BUY_INS; b++) {
            int player = 1 + b % PLAYERS;
            long count = 1 + b % 3;
            patiently(() -> Await.done(tables.buyIn(table.id(), table.manageToken(), player, count, Optional.empty())));
            bought[player] += count * 10;
            events.incrementAndGet();
        }
        for (int p = 1; p <= PLAYERS; p++) {
            long chips = bought[p];
            int player = p;
            patiently(
                    () -> Await.done(tables.cashOut(table.id(), table.manageToken(), player, chips, Optional.empty())));
            events.incrementAndGet();
        }
        patiently(() -> Await.done(tables.close(table.id(), table.manageToken(), Optional.empty())));
        events.incrementAndGet();
    }

    /**
     * Asks again (up to 3 times) when the answer is "not recorded": on a starved machine a change can time out, and
     * the facade's promise is that it then was not recorded, so asking again is what a client would do.
     */
    private static <T> T patiently(Supplier<T> ask) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ask.get();
            } catch (AssertionError e) {
                if (attempt == 3 || !(e.getCause() != null && e.getCause().getCause() instanceof NotRecorded)) {
                    throw e;
                }
            }
        }
    }

    /** Prints the open file against the journal and returns its bytes per event. */
    private static long report(DatabaseSettings database, Path file, long started) throws Exception {
        long size = Files.size(file);
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            long journaled = single(statement, "SELECT COUNT(*) FROM \"event_journal\"");
            long eventBytes = single(
                    statement, "SELECT COALESCE(SUM(OCTET_LENGTH(\"event_payload\")), 0) FROM \"event_journal\"");
            long snapshots = single(statement, "SELECT COUNT(*) FROM \"snapshot\"");
            long snapshotBytes =
                    single(statement, "SELECT COALESCE(SUM(OCTET_LENGTH(\"snapshot_payload\")), 0) FROM \"snapshot\"");
            MVStore store = ((SessionLocal)
                            connection.unwrap(JdbcConnection.class).getSession())
                    .getDatabase()
                    .getStore()
                    .getMvStore();
            FileStore<?> fileStore = store.getFileStore();
            long written = single(
                    statement,
                    "SELECT CAST(SETTING_VALUE AS BIGINT) FROM INFORMATION_SCHEMA.SETTINGS"
                            + " WHERE SETTING_NAME = 'info.FILE_WRITE_BYTES'");
            long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);
            long perEvent = size / Math.max(1, journaled);
            System.out.printf(
                    "H2FileSizeTest: %d events (%d/s), open file %d bytes = %d bytes/event; payloads: events %d B/event,"
                            + " %d snapshots %d B; store fill %d %%, chunks fill %d %%, H2 wrote %d MB in %d commits%n",
                    journaled,
                    journaled / seconds,
                    size,
                    perEvent,
                    eventBytes / Math.max(1, journaled),
                    snapshots,
                    snapshotBytes,
                    store.getFillRate(),
                    fileStore.getChunksFillRate(),
                    written / 1024 / 1024,
                    store.getCurrentVersion());
            return perEvent;
        }
    }

    private static long single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

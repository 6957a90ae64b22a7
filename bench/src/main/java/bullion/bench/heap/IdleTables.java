package bullion.bench.heap;

import bullion.bench.load.BenchDatabase;
import bullion.core.Command;
import bullion.engine.EngineSettings;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.TableSystem;
import bullion.engine.Tables;
import com.typesafe.config.ConfigFactory;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Heap per live idle table (issue 14: 100,000 in 300 MB). Starts the table system in this JVM as the app does
 * (sharding, the intake, topics, the embedded database of {@code --db} for everything but the tables' own rows), except
 * that the journal and snapshot store keep nothing ({@link DiscardingJournal}), so the heap holds the tables and not
 * their history. The database still matters to the heap: H2 keeps its page cache there, SQLite outside it. Plays
 * {@code warmUp} tables, weighs the heap after full collections, plays {@code tables} more, weighs again, and prints
 * the growth per table and the classes that grew most. Every change goes through the {@link Tables} facade with a
 * request id, as the pages send one with every form (or without, {@code requestIds} false).
 */
public final class IdleTables {

    private final Tables tables;
    private final int players;
    private final int events;
    private final boolean requestIds;

    private IdleTables(Tables tables, int players, int events, boolean requestIds) {
        this.tables = tables;
        this.players = players;
        this.events = events;
        this.requestIds = requestIds;
    }

    public static void run(
            int count,
            int players,
            int events,
            boolean requestIds,
            int callers,
            BenchDatabase database,
            PrintStream out)
            throws Exception {
        System.setProperty("pekko.persistence.journal.plugin", "bullion-bench-discarding-journal");
        System.setProperty("bullion-bench-discarding-journal.class", DiscardingJournal.class.getName());
        System.setProperty("pekko.persistence.snapshot-store.plugin", "bullion-bench-no-snapshots");
        System.setProperty("bullion-bench-no-snapshots.class", NoSnapshots.class.getName());
        ConfigFactory.invalidateCaches();
        Path dir = Files.createTempDirectory("bullion-idle-tables-");
        EngineSettings settings =
                EngineSettings.singleNode(database.embeddedIn(dir)).withPassivateAfter(Duration.ofDays(1));
        try (TableSystem system = TableSystem.start(settings)) {
            out.printf(
                    "the table system runs in this JVM on a %s (journal and snapshots keep nothing)%n",
                    database.label());
            IdleTables idle = new IdleTables(system.tables(), players, events, requestIds);
            List<TableId> kept = new ArrayList<>();
            int warmUp = Math.min(1_000, Math.max(100, count / 10));
            long began = System.nanoTime();
            kept.addAll(idle.play(warmUp, callers));
            out.printf("%d warm-up tables played in %d ms%n", warmUp, (System.nanoTime() - began) / 1_000_000);
            long before = usedAfterFullGc();
            Histogram then = Histogram.now();
            began = System.nanoTime();
            kept.addAll(idle.play(count, callers));
            out.printf(
                    "%d tables of %d players and %d events (request ids: %s) played in %d ms%n",
                    count, players, events, requestIds, (System.nanoTime() - began) / 1_000_000);
            // The asks' timeout timers (10 s) are still in the scheduler's wheel right after the last answer: weighed
            // once they have gone, so what remains is the idle tables themselves.
            Thread.sleep(Duration.ofSeconds(12));
            long after = usedAfterFullGc();
            Histogram now = Histogram.now();
            // Every table still answers from memory: none was stopped or lost.
            for (TableId id : List.of(kept.getFirst(), kept.getLast())) {
                Outcome o = idle.tables
                        .view(id, Optional.empty())
                        .toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                if (!(o instanceof Outcome.Done done) || done.table().version() < events) {
                    throw new IllegalStateException("table " + id + " answered " + o);
                }
            }
            out.printf(
                    "heap used after full GC: %d MiB before, %d MiB after: %,d bytes per live idle table"
                            + " (100,000 tables: %d MiB)%n",
                    before >> 20, after >> 20, (after - before) / count, (after - before) * 100_000L / count >> 20);
            out.println("what grew, per table (class histogram after full GC):");
            out.printf("%10s %10s  %s%n", "bytes", "instances", "class");
            Map<String, long[]> grown = now.minus(then);
            grown.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1]))
                    .limit(40)
                    .forEach(e -> out.printf(
                            "%10.1f %10.2f  %s%n",
                            e.getValue()[1] / (double) count, e.getValue()[0] / (double) count, e.getKey()));
            long total = grown.values().stream().mapToLong(v -> v[1]).sum();
            out.printf("%10.1f %10s  all classes%n", total / (double) count, "");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long usedAfterFullGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Plays {@code count} nights, {@code callers} tables at a time; their ids. */
    private List<TableId> play(int count, int callers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<TableId> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                running.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        ids.add(night(new SplittableRandom(n)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        return ids;
    }

    /** One night: opened, {@code players} seated who each buy in, then buy-ins and cash-outs up to {@code events}. */
    private TableId night(SplittableRandom random) throws Exception {
        Tables.Opened opened = tables.open(new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        TableId id = opened.id();
        String token = opened.manageToken();
        long version = 1;
        for (int p = 1; p <= players; p++) {
            version = change(id, token, new Command.AddPlayer("Player " + p));
        }
        long chips = 0;
        for (int p = 1; p <= players; p++) {
            version = change(id, token, new Command.BuyIn(p, 1));
            chips += 100;
        }
        while (version < events) {
            int player = 1 + random.nextInt(players);
            if (random.nextInt(10) < 3 && chips > 0) {
                long out = 1 + random.nextLong(Math.min(chips, 150));
                version = change(id, token, new Command.CashOut(player, out));
                chips -= out;
            } else {
                version = change(id, token, new Command.BuyIn(player, 1));
                chips += 100;
            }
        }
        return id;
    }

    private long change(TableId id, String token, Command command) throws Exception {
        Optional<String> requestId = requestIds ? Optional.of(UUID.randomUUID().toString()) : Optional.empty();
        Outcome outcome = tables.change(id, token, command, requestId)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        if (!(outcome instanceof Outcome.Done done)) {
            throw new IllegalStateException(command + " on " + id + " answered " + outcome);
        }
        return done.table().version();
    }
}

package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write load and its bookkeeping shared by the journal fault tests ({@link H2FullDiskFaultTest},
 * {@link SqliteFullDiskFaultTest}, {@link PostgresFaultTest}), so that all prove the same promise the same way and
 * differ only in the fault they inject. The promise: every change the facade acknowledged is in the journal exactly
 * once, and every change it said was not recorded (timed out, or refused) is not.
 *
 * <p>{@link #start} opens {@value #TABLES} tables and keeps buying in on each of them, one request every 40 ms whether
 * or not earlier ones have been answered; every answer is kept as an {@link Attempt}. The test injects its fault,
 * waits for the writes to come back ({@link #awaitRecovery}), {@link #stop}s the load and checks the journal against
 * the {@link Tally}.
 */
final class FaultLoad {

    static final int TABLES = 4;
    private static final Pattern REQUEST_ID = Pattern.compile("\"request\":\\{\"id\":\"([^\"]+)\"");

    enum Result {
        RECORDED,
        TIMED_OUT,
        REFUSED
    }

    record Attempt(String requestId, Result result, long startedNanos, long endedNanos) {}

    /** When (System.nanoTime()) the first table, and the last of every table, acknowledged a change again. */
    record Recovery(long firstBackNanos, long everyTableBackNanos) {}

    /** Every answer of a stopped load, counted. */
    record Tally(List<Attempt> all, long recorded, long timedOut, long refused, long slowestRefusalMs) {

        /** The figures every fault test prints first: "N requests: R recorded, T timed out, F refused at once ...". */
        String figures() {
            return String.format(
                    "%d requests: %d recorded, %d timed out, %d refused at once (slowest %d ms)",
                    all.size(), recorded, timedOut, refused, slowestRefusalMs);
        }

        /** Every acknowledged change is journaled, none of the others, and nothing else (once is checked on read). */
        void assertJournalHoldsExactlyTheAcknowledged(Set<String> journaled) {
            assertThat(all)
                    .filteredOn(a -> a.result() == Result.RECORDED)
                    .extracting(Attempt::requestId)
                    .allMatch(journaled::contains, "acknowledged, so in the journal");
            assertThat(all)
                    .filteredOn(a -> a.result() != Result.RECORDED)
                    .extracting(Attempt::requestId)
                    .noneMatch(journaled::contains);
            assertThat(journaled).hasSize((int) recorded);
        }
    }

    private final Tables tables;
    private final List<Tables.Opened> opened;
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> load = new ArrayList<>();

    private FaultLoad(Tables tables, List<Tables.Opened> opened) {
        this.tables = tables;
        this.opened = opened;
    }

    /** Opens {@value #TABLES} tables named {@code tableName + t}, seats a player on each and starts the load. */
    static FaultLoad start(Tables tables, String tableName) {
        List<Tables.Opened> opened = new ArrayList<>();
        for (int t = 0; t < TABLES; t++) {
            Tables.Opened table =
                    Await.result(tables.open(new Command.OpenTable(tableName + t, "EUR", BigDecimal.TEN, 10)));
            Await.done(tables.addPlayer(table.id(), table.manageToken(), "Ari", Optional.empty()));
            opened.add(table);
        }
        FaultLoad faultLoad = new FaultLoad(tables, opened);
        for (int t = 0; t < TABLES; t++) {
            Tables.Opened table = opened.get(t);
            String writer = "w" + t;
            faultLoad.load.add(faultLoad.writers.submit(() -> faultLoad.write(table, writer)));
        }
        return faultLoad;
    }

    void awaitRecorded(int atLeast, Duration within) {
        awaitTrue(
                () -> attempts.values().stream()
                                .filter(a -> a.result() == Result.RECORDED)
                                .count()
                        >= atLeast,
                within,
                "fewer than " + atLeast + " changes recorded");
    }

    /** How many changes have been acknowledged so far. */
    long recordedSoFar() {
        return attempts.values().stream()
                .filter(a -> a.result() == Result.RECORDED)
                .count();
    }

    /**
     * Waits until every table has acknowledged a change it was asked for at or after {@code back}, then says when the
     * first one, and the last of them, did.
     */
    Recovery awaitRecovery(long back, Duration within) {
        awaitTrue(
                () -> opened.stream()
                        .allMatch(table -> attempts.values().stream()
                                .anyMatch(a -> a.requestId().startsWith("w" + opened.indexOf(table) + "-")
                                        && a.result() == Result.RECORDED
                                        && a.startedNanos() >= back)),
                within,
                "writes did not come back");
        long recovered = attempts.values().stream()
                .filter(a -> a.result() == Result.RECORDED && a.startedNanos() >= back)
                .mapToLong(Attempt::endedNanos)
                .min()
                .orElseThrow();
        long allRecovered = opened.stream()
                .mapToLong(table -> attempts.values().stream()
                        .filter(a -> a.requestId().startsWith("w" + opened.indexOf(table) + "-"))
                        .filter(a -> a.result() == Result.RECORDED && a.startedNanos() >= back)
                        .mapToLong(Attempt::endedNanos)
                        .min()
                        .orElseThrow())
                .max()
                .orElseThrow();
        return new Recovery(recovered, allRecovered);
    }

    /** Lets 20 more changes be recorded, stops the load, waits for every answer and counts them. */
    Tally stop() throws Exception {
        awaitRecorded(attempts.size() + 20, Duration.ofSeconds(10));
        return stopNow();
    }

    /** Stops the load at once (as when the journal is gone for good), waits for every answer and counts them. */
    Tally stopNow() throws Exception {
        running.set(false);
        for (Future<?> writer : load) {
            writer.get(30, TimeUnit.SECONDS); // every request answered: at most the ask timeout after the last
        }
        writers.shutdown();

        List<Attempt> all = List.copyOf(attempts.values());
        long recorded = all.stream().filter(a -> a.result() == Result.RECORDED).count();
        long timedOut = all.stream().filter(a -> a.result() == Result.TIMED_OUT).count();
        long refused = all.stream().filter(a -> a.result() == Result.REFUSED).count();
        long slowestRefusalMs = all.stream()
                .filter(a -> a.result() == Result.REFUSED)
                .mapToLong(a -> (a.endedNanos() - a.startedNanos()) / 1_000_000)
                .max()
                .orElse(0);
        return new Tally(all, recorded, timedOut, refused, slowestRefusalMs);
    }

    /** The request ids in the journal, read with {@code select}; fails if any request is journaled twice. */
    static Set<String> journaledRequestIds(String url, String user, String password, String select) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement statement = connection.prepareStatement(select);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Matcher id = REQUEST_ID.matcher(new String(rows.getBytes(1), StandardCharsets.UTF_8));
                if (id.find()) {
                    assertThat(ids.add(id.group(1)))
                            .as("request %s journaled once", id.group(1))
                            .isTrue();
                }
            }
        }
        return ids;
    }

    static void awaitTrue(BooleanSupplier condition, Duration within, String failure) {
        long giveUp = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError(failure + " within " + within.toSeconds() + " s");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /**
     * Buy-ins on one table, each with its own request id, one every 40 ms whether or not earlier ones have been
     * answered (as phones keep tapping), until told to stop; then waits for every answer.
     */
    private void write(Tables.Opened table, String writer) {
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; running.get(); i++) {
                String requestId = writer + "-" + i;
                requests.execute(() -> buyIn(table, requestId));
                LockSupport.parkNanos(Duration.ofMillis(40).toNanos()); // the pace of the load, not a wait for a result
            }
        }
    }

    private void buyIn(Tables.Opened table, String requestId) {
        long started = System.nanoTime();
        Result result;
        try {
            Await.done(tables.buyIn(table.id(), table.manageToken(), 1, 1, Optional.of(requestId)));
            result = Result.RECORDED;
        } catch (AssertionError e) {
            NotRecorded notRecorded = notRecorded(e);
            result = notRecorded.reason() == NotRecorded.Reason.JOURNAL_UNAVAILABLE ? Result.REFUSED : Result.TIMED_OUT;
        }
        attempts.put(requestId, new Attempt(requestId, result, started, System.nanoTime()));
    }

    /** Any other failure fails the test: the facade must say "not recorded" or "done", nothing else. */
    private static NotRecorded notRecorded(AssertionError e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NotRecorded notRecorded) {
                return notRecorded;
            }
            if (!(t instanceof AssertionError || t instanceof ExecutionException || t instanceof CompletionException)) {
                break;
            }
        }
        throw e;
    }
}

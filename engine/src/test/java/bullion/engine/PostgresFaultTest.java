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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL dies under a write load and comes back: every change the facade acknowledged is in the journal, every
 * change it said was not recorded (timed out, or refused while the journal was down) is not, changes are refused at
 * once while it is down, and writes succeed again within 5 s of the database accepting connections.
 */
class PostgresFaultTest {

    private static final int TABLES = 4;
    private static final Duration DOWN_FOR = Duration.ofSeconds(6);
    private static final Pattern REQUEST_ID = Pattern.compile("\"request\":\\{\"id\":\"([^\"]+)\"");

    private enum Result {
        RECORDED,
        TIMED_OUT,
        REFUSED
    }

    private record Attempt(String requestId, Result result, long startedNanos, long endedNanos) {}

    @Test
    void aChangeTheFacadeDidNotAcknowledgeIsNeverRecordedAndWritesHealWithinFiveSeconds() throws Exception {
        try (ThrowawayPostgres pg = ThrowawayPostgres.start();
                TableSystem system = TableSystem.start(EngineSettings.singleNode(pg.settings()))) {
            Tables tables = system.tables();
            List<Tables.Opened> opened = new ArrayList<>();
            for (int t = 0; t < TABLES; t++) {
                Tables.Opened table =
                        Await.result(tables.open(new Command.OpenTable("Fault " + t, "EUR", BigDecimal.TEN, 10)));
                Await.done(tables.addPlayer(table.id(), table.manageToken(), "Ari", Optional.empty()));
                opened.add(table);
            }
            Map<String, Attempt> attempts = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
            List<Future<?>> load = new ArrayList<>();
            for (int t = 0; t < TABLES; t++) {
                Tables.Opened table = opened.get(t);
                String writer = "w" + t;
                load.add(writers.submit(() -> write(tables, table, writer, running, attempts)));
            }

            awaitRecorded(attempts, 40, Duration.ofSeconds(20));
            long stopped = System.nanoTime();
            pg.stopServer();
            awaitTrue(
                    () -> tables.journalProblem().isPresent(),
                    Duration.ofSeconds(5),
                    "the facade never saw the journal down");
            long seen = System.nanoTime();
            LockSupport.parkNanos(DOWN_FOR.toNanos()); // the outage itself, not a wait for a result
            pg.startServer();
            long back = System.nanoTime();
            // Recovered: every table has acknowledged a change it was asked for after the database came back.
            awaitTrue(
                    () -> opened.stream()
                            .allMatch(table -> attempts.values().stream()
                                    .anyMatch(a -> a.requestId().startsWith("w" + opened.indexOf(table) + "-")
                                            && a.result() == Result.RECORDED
                                            && a.startedNanos() >= back)),
                    Duration.ofSeconds(15),
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
            awaitRecorded(attempts, attempts.size() + 20, Duration.ofSeconds(10));
            running.set(false);
            for (Future<?> writer : load) {
                writer.get(30, TimeUnit.SECONDS); // every request answered: at most the ask timeout after the last
            }
            writers.shutdown();

            Set<String> journaled = journaledRequestIds(pg);
            List<Attempt> all = List.copyOf(attempts.values());
            long recorded =
                    all.stream().filter(a -> a.result() == Result.RECORDED).count();
            long timedOut =
                    all.stream().filter(a -> a.result() == Result.TIMED_OUT).count();
            long refused =
                    all.stream().filter(a -> a.result() == Result.REFUSED).count();
            long slowestRefusalMs = all.stream()
                    .filter(a -> a.result() == Result.REFUSED)
                    .mapToLong(a -> (a.endedNanos() - a.startedNanos()) / 1_000_000)
                    .max()
                    .orElse(0);
            System.out.printf(
                    "PostgresFaultTest: %d requests: %d recorded, %d timed out, %d refused at once (slowest %d ms);"
                            + " outage seen by the facade %d ms after the stop; first write back %d ms, every table back %d ms"
                            + " after the database%n",
                    all.size(),
                    recorded,
                    timedOut,
                    refused,
                    slowestRefusalMs,
                    (seen - stopped) / 1_000_000,
                    (recovered - back) / 1_000_000,
                    (allRecovered - back) / 1_000_000);

            assertThat(all)
                    .filteredOn(a -> a.result() == Result.RECORDED)
                    .extracting(Attempt::requestId)
                    .allMatch(journaled::contains, "acknowledged, so in the journal");
            assertThat(all)
                    .filteredOn(a -> a.result() != Result.RECORDED)
                    .extracting(Attempt::requestId)
                    .noneMatch(journaled::contains);
            assertThat(journaled).hasSize((int) recorded);
            assertThat(refused).isPositive();
            assertThat(slowestRefusalMs).isLessThan(1_000);
            assertThat(Duration.ofNanos(allRecovered - back)).isLessThan(Duration.ofSeconds(5));
        }
    }

    /**
     * Buy-ins on one table, each with its own request id, one every 40 ms whether or not earlier ones have been
     * answered (as phones keep tapping), until told to stop; then waits for every answer.
     */
    private static void write(
            Tables tables, Tables.Opened table, String writer, AtomicBoolean running, Map<String, Attempt> attempts) {
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; running.get(); i++) {
                String requestId = writer + "-" + i;
                requests.execute(() -> buyIn(tables, table, requestId, attempts));
                LockSupport.parkNanos(Duration.ofMillis(40).toNanos()); // the pace of the load, not a wait for a result
            }
        }
    }

    private static void buyIn(Tables tables, Tables.Opened table, String requestId, Map<String, Attempt> attempts) {
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

    private static Set<String> journaledRequestIds(ThrowawayPostgres pg) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(pg.settings().url(), "postgres", "");
                PreparedStatement select = connection.prepareStatement("SELECT event_payload FROM event_journal");
                ResultSet rows = select.executeQuery()) {
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

    private static void awaitRecorded(Map<String, Attempt> attempts, int atLeast, Duration within) {
        awaitTrue(
                () -> attempts.values().stream()
                                .filter(a -> a.result() == Result.RECORDED)
                                .count()
                        >= atLeast,
                within,
                "fewer than " + atLeast + " changes recorded");
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration within, String failure) {
        long giveUp = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError(failure + " within " + within.toSeconds() + " s");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}

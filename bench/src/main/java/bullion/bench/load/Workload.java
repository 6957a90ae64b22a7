package bullion.bench.load;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Many tables in the middle of a night, and one step of play on them: a read (GET /api/tables/{id}) with
 * probability {@code readPercent}, else a change (buy-in, cash-out or a player joining) on a table picked at
 * random. Every step is recorded in {@link Stats} by operation.
 */
public final class Workload {

    /** Tables set up at the same time. */
    private static final int SET_UP_AT_ONCE = 16;

    private final Api api;
    private final List<Night> nights;
    private final int readPercent;

    private Workload(Api api, List<Night> nights, int readPercent) {
        this.api = api;
        this.nights = List.copyOf(nights);
        this.readPercent = readPercent;
    }

    /** Opens {@code tables} tables in parallel, each with {@code players} players and {@code eventsBefore} events. */
    public static Workload setUp(Api api, int tables, int players, int eventsBefore, int readPercent)
            throws InterruptedException {
        List<Night> nights = new ArrayList<>();
        // A few tables at a time: a hundred set-ups at once on a busy machine left requests waiting past their timeout.
        Semaphore settingUp = new Semaphore(SET_UP_AT_ONCE);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Night>> opening = new ArrayList<>();
            for (int t = 0; t < tables; t++) {
                long seed = t;
                opening.add(pool.submit(() -> {
                    settingUp.acquire();
                    try {
                        return Night.open(api, "Bench " + seed, players, eventsBefore, new SplittableRandom(seed));
                    } finally {
                        settingUp.release();
                    }
                }));
            }
            for (Future<Night> f : opening) {
                try {
                    nights.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(
                            "set-up failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
        return new Workload(api, nights, readPercent);
    }

    public List<Night> nights() {
        return nights;
    }

    public double averageEvents() {
        return nights.stream().mapToLong(Night::events).average().orElse(0);
    }

    /**
     * A page load on a table picked at random: the view-only page ({@code /t/{id}}), or with {@code manage} the
     * host's page ({@code /t/{id}/manage?token=…}), recorded as "view page" or "manage page"; gzipped if {@code gzip}.
     */
    public ClosedLoop.Step pageStep(boolean manage, boolean gzip) {
        String op = manage ? "manage page" : "view page";
        return (random, stats, intendedNanos) -> {
            Night night = nights.get(random.nextInt(nights.size()));
            timed(
                    stats,
                    op,
                    200,
                    intendedNanos,
                    () -> api.page(
                            manage ? "/t/" + night.id + "/manage?token=" + night.token : "/t/" + night.id, gzip));
        };
    }

    /** One step; latency is measured from {@code intendedNanos} (the send time an open loop planned, or now). */
    public void step(SplittableRandom random, Stats stats, long intendedNanos) {
        Night night = nights.get(random.nextInt(nights.size()));
        boolean read = random.nextInt(100) < readPercent;
        timed(
                stats,
                read ? "read" : "change",
                read ? 200 : 201,
                intendedNanos,
                () -> read ? api.view(night.id) : night.change(api, random));
    }

    /** A request the API is asked to answer with {@code expected}. */
    @FunctionalInterface
    private interface Request {
        Api.Reply send() throws IOException, InterruptedException;
    }

    /** Sends {@code request}; its latency from {@code intendedNanos} when answered as expected, else its failure. */
    private static void timed(Stats stats, String op, int expected, long intendedNanos, Request request) {
        try {
            Api.Reply reply = request.send();
            if (reply.status() == expected) {
                stats.record(op, System.nanoTime() - intendedNanos);
            } else {
                stats.fail(op, String.valueOf(reply.status()));
            }
        } catch (HttpTimeoutException e) {
            stats.fail(op, "timeout");
        } catch (IOException e) {
            stats.fail(op, "io " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

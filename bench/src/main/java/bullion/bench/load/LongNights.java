package bullion.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Tables played to a long night, for the first-request scenario: each is opened with its players, then played by
 * {@code clients} callers at once (its changes go to the journal in batches) until at least {@code events} events
 * were answered as recorded. Bounded: a table stops at its target, or the whole set-up gives up after {@code maxSeconds}.
 */
public final class LongNights {

    private LongNights() {}

    public static List<Night> play(Api api, int tables, int players, int events, int clients, double maxSeconds)
            throws Exception {
        long giveUpAt = System.nanoTime() + (long) (maxSeconds * 1e9);
        List<Night> nights = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            Night night = Night.open(api, "Long night " + (t + 1), players, players * 2 + 1, new SplittableRandom(t));
            try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    SplittableRandom random = new SplittableRandom(1000L * t + c);
                    running.add(callers.submit(() -> {
                        while (night.events() < events) {
                            if (System.nanoTime() > giveUpAt) {
                                throw new IllegalStateException("setting up the long tables took over " + maxSeconds
                                        + " s (" + night.events() + " events on table " + night.id() + ")");
                            }
                            try {
                                // Only a 201 counts toward the target; a refusal or a timeout on a starved machine
                                // (a timed-out change may still be recorded) leaves the table a little longer.
                                night.change(api, random);
                            } catch (java.net.http.HttpTimeoutException timedOut) {
                                // counted by nothing: the next change goes on
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            }
            nights.add(night);
        }
        return nights;
    }

    /** The time of one view of {@code night}'s table over HTTP, in milliseconds; it must answer 200. */
    public static double timeView(Api api, Night night) throws Exception {
        long began = System.nanoTime();
        Api.Reply reply = api.view(night.id());
        double ms = (System.nanoTime() - began) / 1e6;
        if (reply.status() != 200) {
            throw new IllegalStateException(
                    "the view of " + night.id() + " got " + reply.status() + ": " + reply.body());
        }
        return ms;
    }
}

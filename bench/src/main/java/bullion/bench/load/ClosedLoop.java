package bullion.bench.load;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** {@code clients} clients, each sending its next request as soon as the last is answered, until time or count runs out. */
public final class ClosedLoop {

    private ClosedLoop() {}

    /** One request of a client: picks what to send with {@code random}, records it in {@code stats}. */
    @FunctionalInterface
    public interface Step {
        void step(SplittableRandom random, Stats stats, long intendedNanos);
    }

    public static Stats run(Workload workload, int clients, double seconds, long maxRequests) {
        return run(workload::step, clients, seconds, maxRequests);
    }

    public static Stats run(Step step, int clients, double seconds, long maxRequests) {
        Stats stats = new Stats();
        AtomicLong budget = new AtomicLong(maxRequests);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        stats.start();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                SplittableRandom random = new SplittableRandom(1_000 + c);
                pool.submit(() -> {
                    while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                        step.step(random, stats, System.nanoTime());
                    }
                });
            }
        }
        stats.stop();
        return stats;
    }
}

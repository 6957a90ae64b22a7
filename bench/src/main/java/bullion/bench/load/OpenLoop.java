package bullion.bench.load;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests at a fixed rate whatever the answers do: request i is due at start + i / rate, and its latency is
 * counted from then, not from when it was actually sent, so a stall is charged to every request it delays
 * (no coordinated omission). At most {@code maxInFlight} wait at once; a request that would exceed that is
 * counted as "dropped", never silently skipped.
 */
public final class OpenLoop {

    private OpenLoop() {}

    public static Stats run(Workload workload, double perSecond, double seconds, long maxRequests, int maxInFlight) {
        Stats stats = new Stats();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long total = Math.min(maxRequests, (long) (perSecond * seconds));
        double periodNanos = 1e9 / perSecond;
        SplittableRandom seeds = new SplittableRandom(99);
        stats.start();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + (long) (i * periodNanos);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (!inFlight.tryAcquire()) {
                    stats.fail("any", "dropped (too many in flight)");
                    continue;
                }
                SplittableRandom random = seeds.split();
                pool.submit(() -> {
                    try {
                        workload.step(random, stats, due);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        stats.stop();
        return stats;
    }
}

package bullion.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latency histograms (microseconds, up to a minute) per operation, and counts of unexpected answers. */
public final class Stats {

    private static final long HIGHEST_MICROS = 60_000_000L;

    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private volatile long startNanos = System.nanoTime();
    private volatile long endNanos;

    public void start() {
        startNanos = System.nanoTime();
    }

    public void stop() {
        endNanos = System.nanoTime();
    }

    public double seconds() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        return (end - startNanos) / 1e9;
    }

    public void record(String op, long nanos) {
        latencies
                .computeIfAbsent(op, k -> new ConcurrentHistogram(HIGHEST_MICROS, 3))
                .recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1_000)));
    }

    /** An answer that was not the one the operation expects (a status, "timeout", "io"…). */
    public void fail(String op, String why) {
        failures.computeIfAbsent(op + " " + why, k -> new LongAdder()).increment();
    }

    public Map<String, Histogram> latencies() {
        return new TreeMap<>(latencies);
    }

    public Map<String, Long> failures() {
        Map<String, Long> copy = new TreeMap<>();
        failures.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public long count() {
        return latencies.values().stream().mapToLong(Histogram::getTotalCount).sum();
    }

    /** All operations in one histogram. */
    public Histogram all() {
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        latencies.values().forEach(all::add);
        return all;
    }
}

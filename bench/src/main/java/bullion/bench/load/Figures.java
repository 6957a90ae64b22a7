package bullion.bench.load;

import java.io.PrintStream;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Prints a run's figures as a table: count, throughput and latency percentiles in milliseconds. */
public final class Figures {

    private Figures() {}

    public static void print(PrintStream out, String title, Stats stats) {
        print(out, title, stats, true);
    }

    /** {@code withTotal}: add an "all" row when the operations are parts of one load (not for unlike measures). */
    public static void print(PrintStream out, String title, Stats stats, boolean withTotal) {
        out.println();
        out.printf("== %s (%.1f s measured)%n", title, stats.seconds());
        out.printf(
                "%-22s %9s %10s %9s %9s %9s %9s%n",
                "operation", "count", "per s", "p50 ms", "p90 ms", "p99 ms", "max ms");
        for (Map.Entry<String, Histogram> e : stats.latencies().entrySet()) {
            row(out, e.getKey(), e.getValue(), stats.seconds());
        }
        if (withTotal && stats.latencies().size() > 1) {
            row(out, "all", stats.all(), stats.seconds());
        }
        stats.failures().forEach((what, n) -> out.printf("  unexpected: %-30s %d%n", what, n));
    }

    public static void row(PrintStream out, String name, Histogram h, double seconds) {
        out.printf(
                "%-22s %9d %10.0f %9.2f %9.2f %9.2f %9.2f%n",
                name,
                h.getTotalCount(),
                h.getTotalCount() / seconds,
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}

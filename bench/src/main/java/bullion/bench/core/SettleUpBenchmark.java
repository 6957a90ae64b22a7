package bullion.bench.core;

import bullion.core.SettleUp;
import bullion.core.Transfer;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The fewest-payments settle-up for many parties, every net non-zero: up to 18 it is the exact subset search
 * (2^n · n), beyond it the pairing heuristic, so 16 is the exact search near its limit and 20/24 the heuristic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SettleUpBenchmark {

    private static final Currency USD = Currency.getInstance("USD");

    @Param({"16", "20", "24"})
    int parties;

    private List<SettleUp.Net> nets;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        List<SettleUp.Net> made = new ArrayList<>();
        long sum = 0;
        for (int p = 1; p < parties; p++) {
            long minor = (1 + random.nextLong(50_000)) * (random.nextBoolean() ? 1 : -1);
            made.add(new SettleUp.Net(p, minor));
            sum += minor;
        }
        if (sum == 0) {
            made.set(0, new SettleUp.Net(1, made.get(0).minor() + 1));
            sum += 1;
        }
        made.add(new SettleUp.Net(parties, -sum));
        nets = List.copyOf(made);
    }

    @Benchmark
    public List<Transfer> transfers() {
        return SettleUp.transfers(nets, USD);
    }
}

package bullion.bench.core;

import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Table;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Rebuilding a 10,000-event table from its journal, as a table does on its first request without a snapshot. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReplayBenchmark {

    private List<Event> events;

    @Setup
    public void setUp() {
        events = Nights.events(20, 10_000 - 21, 3);
    }

    @Benchmark
    public Optional<Table> replay10kEvents() {
        return EventApplier.replay(events);
    }
}

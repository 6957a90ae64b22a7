package bullion.bench.core;

import bullion.core.Command;
import bullion.core.CommandDecider;
import bullion.core.Decision;
import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Table;
import java.util.Optional;
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
 * What the table entity does per buy-in: decide it against the table, apply the event. The ledger length is a
 * parameter to show that the cost does not grow with the night (it did while the core re-scanned and copied every
 * entry per buy-in).
 *
 * <p>{@code buyInOnTheLatest} is the entity's path: each buy-in goes to the table the previous one made, so the
 * ledger appends in place; every 10,000 buy-ins it starts again from the night of {@code entries} entries (one
 * copy of that ledger), so the night stays near its length. {@code buyIn} decides and applies against the same
 * table every time: after the first, each is an append to an older version, which copies the ledger once (the
 * price of sharing its array), so it shows what a copy costs at each length.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecideApplyBenchmark {

    @Param({"10", "50"})
    int players;

    @Param({"100", "1000"})
    int entries;

    private Table table;
    private Table latest;
    private int next;

    @Setup
    public void setUp() {
        table = Nights.table(Nights.events(players, entries, 42));
        latest = table;
    }

    @Benchmark
    public Table buyIn() {
        return buyIn(table);
    }

    @Benchmark
    public Table buyInOnTheLatest() {
        if (latest.version() - table.version() >= 10_000) {
            latest = table;
        }
        latest = buyIn(latest);
        return latest;
    }

    private Table buyIn(Table before) {
        next = next % players + 1;
        Decision decision = CommandDecider.decide(Optional.of(before), new Command.BuyIn(next, 1), Nights.NOW);
        Table after = before;
        for (Event event : ((Decision.Accepted) decision).events()) {
            after = EventApplier.apply(Optional.of(after), event);
        }
        return after;
    }
}

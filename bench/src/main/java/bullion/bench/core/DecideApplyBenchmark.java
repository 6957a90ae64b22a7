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
 * parameter because the core re-scans every entry per buy-in, so the cost grows with the night.
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
  private int next;

  @Setup
  public void setUp() {
    table = Nights.table(Nights.events(players, entries, 42));
  }

  @Benchmark
  public Table buyIn() {
    next = next % players + 1;
    Decision decision = CommandDecider.decide(Optional.of(table), new Command.BuyIn(next, 1), Nights.NOW);
    Table after = table;
    for (Event event : ((Decision.Accepted) decision).events()) {
      after = EventApplier.apply(Optional.of(after), event);
    }
    return after;
  }
}

package bullion.bench.core;

import bullion.core.Table;
import bullion.core.TableReport;
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
 * Every number a page or GET /api/tables/{id} shows, for a settled night of 12 players: a realistic night
 * (150 entries) and a long one (10,000), so the per-read cost of the night's length is visible.
 * {@code report} works it out each time (a table equal to the night but a new value, as after a change);
 * {@code reportAgain} reads the same table again, as every read after the first of one version does, which
 * {@link TableReport#of} remembers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReportBenchmark {

    @Param({"150", "10000"})
    int entries;

    private Table table;

    @Setup
    public void setUp() {
        table = Nights.table(Nights.settledNight(12, entries, 11));
    }

    @Benchmark
    public TableReport report() {
        return TableReport.of(new Table(
                table.settings(),
                table.players(),
                table.entries(),
                table.closing(),
                table.milestones(),
                table.version()));
    }

    @Benchmark
    public TableReport reportAgain() {
        return TableReport.of(table);
    }
}

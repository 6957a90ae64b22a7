package bullion.bench.core;

import bullion.core.Table;
import bullion.engine.TableId;
import bullion.web.pages.PageRenders;
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
 * A table's page rendered for the first reader of a version (the view-only page and the manage page, HTML bytes as
 * sent before compression; and the manage page gzipped, as its first reader of a version gets it), for a settled
 * night of 12 players: a realistic night (150 entries) and a long one (10,000). Each call renders a new table value
 * equal to the night, as after a change, so no report or page is remembered between calls; the readers after the
 * first of a version get remembered bytes and are measured over HTTP by the {@code pages} scenario instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PageRenderBenchmark {

    @Param({"150", "10000"})
    int entries;

    private Table table;
    private final TableId id = TableId.random();

    @Setup
    public void setUp() {
        table = Nights.table(Nights.settledNight(12, entries, 11));
    }

    @Benchmark
    public byte[] viewPage() {
        return PageRenders.viewPage(id, fresh());
    }

    @Benchmark
    public byte[] managePage() {
        return PageRenders.managePage(id, fresh(), "benchmark-manage-token");
    }

    @Benchmark
    public byte[] managePageGzipped() {
        return PageRenders.managePageGzipped(id, fresh(), "benchmark-manage-token");
    }

    private Table fresh() {
        return new Table(
                table.settings(),
                table.players(),
                table.entries(),
                table.closing(),
                table.milestones(),
                table.version());
    }
}

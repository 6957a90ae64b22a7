package bullion.bench;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.bench.load.BenchDatabase;
import bullion.bench.load.ChildServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every scenario for a moment with tiny bounds against the real app jar in a child JVM (and the baseline
 * in another): the tool works and prints its figures. It checks nothing about the figures' values. Everything runs on
 * the default database, SQLite, except {@code startup}, which starts on H2 as an earlier version's data directory has
 * it ({@code --db h2}): the one path that readies the data directory for H2, and checked like every start.
 */
@Timeout(120)
class BenchSmokeTest {

    private static ChildServer bullion;

    @BeforeAll
    static void startBullion() throws Exception {
        bullion = ChildServer.bullion(
                Path.of(System.getProperty("bullion.bench.appJar", "../app/target/bullion.jar")),
                List.of("-Xmx256m"),
                Map.of(),
                BenchDatabase.SQLITE);
    }

    @AfterAll
    static void stopBullion() {
        if (bullion != null) {
            bullion.close();
        }
    }

    private static final List<String> TINY = List.of(
            "--tables",
            "2",
            "--players",
            "3",
            "--events",
            "8",
            "--clients",
            "2",
            "--duration",
            "0.5",
            "--warmup",
            "0",
            "--requests",
            "200",
            "--rate",
            "40",
            "--viewers",
            "3",
            "--changes",
            "2",
            "--server-warmup",
            "0.5",
            "--java-opts",
            "-Xmx256m");

    @Test
    void closedLoopScenariosPrintThroughputAndPercentilesPerOperation() throws Exception {
        String out = run("writes");
        assertThat(out)
                .contains("changes only")
                .contains("per s")
                .contains("p99 ms")
                .contains("change ");
        out = run("reads");
        assertThat(out).contains("reads only").contains("read ");
        // Which operations a half-second mix draws is chance (it may draw only reads), so only its table is checked.
        out = run("mix");
        assertThat(out).contains("90% reads").contains("p99 ms");
    }

    @Test
    void pagesPrintTheViewAndManagePagesAndTheirRatio() throws Exception {
        assertThat(run("pages"))
                .contains("view page ")
                .contains("manage page ")
                .contains("manage page, gzip (")
                .contains("manage page / view page");
    }

    @Test
    void openLoopPrintsItsScheduledRate() throws Exception {
        assertThat(run("open")).contains("40 requests/s scheduled").contains("p99 ms");
    }

    @Test
    void viewersPrintTheChangeToViewerLatency() throws Exception {
        assertThat(run("viewers"))
                .contains("3 live viewers")
                .contains("to each viewer")
                .contains("to all viewers");
    }

    @Test
    void compareRunsTheMixOnBothAndPrintsTheRatio() throws Exception {
        assertThat(run("compare"))
                .contains("Bullion warmed on tables of its own")
                .contains("stateless baseline warmed on tables of its own")
                .contains("Baseline started in")
                .contains("(SQLite file)")
                .contains("stateless baseline")
                .contains("Bullion / baseline")
                .contains("throughput /s");
    }

    @Test
    void coreRunsEveryJmhBenchmark() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Bench.run(
                    List.of(
                            "core",
                            "-f",
                            "0",
                            "-bm",
                            "ss",
                            "-wi",
                            "0",
                            "-i",
                            "1",
                            "-p",
                            "entries=150",
                            "bullion.bench.core"),
                    original);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.println(out);
        assertThat(out)
                .contains("DecideApplyBenchmark.buyIn")
                .contains("SettleUpBenchmark.transfers")
                .contains("ReplayBenchmark.replay10kEvents")
                .contains("ReportBenchmark.report")
                .contains("PageRenderBenchmark.viewPage")
                .contains("PageRenderBenchmark.managePage");
    }

    @Test
    void snapshotReadPrintsBothShapesAndTheirRatio() throws Exception {
        String out = runHere("snapshot-read", "--entries", "300", "--rounds", "3");
        assertThat(out)
                .contains("table-state#5 (columns)")
                .contains("table-state#4 (objects)")
                .contains("ratio");
    }

    @Test
    void idleTablesPrintsBytesPerTableAndWhatGrew() throws Exception {
        String out = runHere("idle-tables", "--tables", "20", "--players", "3", "--events", "10", "--clients", "4");
        assertThat(out)
                .contains("on a SQLite file")
                .contains("bytes per live idle table")
                .contains("all classes");
    }

    @Test
    void startupOnAnEarlierVersionsH2FilePrintsEachStartToReadyAndTheMedians() throws Exception {
        String out = runHere("startup", "--runs", "1", "--db", "h2", "--java-opts", "-Xmx256m");
        assertThat(out)
                .contains("start 1: ready in")
                .contains("of CPU (H2 file)")
                .contains("median of 1 starts: ready in");
    }

    /** A scenario that runs in this JVM, needing no server. */
    private static String runHere(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Bench.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(out);
        assertThat(code).isZero();
        return out;
    }

    private static String run(String scenario) throws Exception {
        List<String> args =
                new ArrayList<>(List.of(scenario, "--url", bullion.url().toString()));
        args.addAll(TINY);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Bench.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(out);
        assertThat(code).isZero();
        assertThat(out).doesNotContain("unexpected:");
        return out;
    }
}

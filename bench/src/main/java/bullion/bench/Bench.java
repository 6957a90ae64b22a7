package bullion.bench;

import bullion.bench.heap.IdleTables;
import bullion.bench.heap.SnapshotRead;
import bullion.bench.load.Api;
import bullion.bench.load.BenchDatabase;
import bullion.bench.load.ChildServer;
import bullion.bench.load.ClosedLoop;
import bullion.bench.load.CpuTime;
import bullion.bench.load.Databases;
import bullion.bench.load.Figures;
import bullion.bench.load.LongNights;
import bullion.bench.load.Night;
import bullion.bench.load.OpenLoop;
import bullion.bench.load.StartupCache;
import bullion.bench.load.Stats;
import bullion.bench.load.Viewers;
import bullion.bench.load.Workload;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The one command: {@code java -jar bench/target/bullion-bench.jar <scenario> [--option value]…}; see USAGE and
 * BENCHMARKS.md. Without {@code --url} each scenario starts Bullion from app/target/bullion.jar in a child JVM
 * on a fresh temporary data directory, with SQLite as a new one gets it (or H2 as an earlier version's has it, with
 * {@code --db h2}), or on a fresh PostgreSQL database with {@code --db postgres} ({@link BenchDatabase}).
 */
public final class Bench {

    static final String USAGE = """
      usage: java -jar bench/target/bullion-bench.jar <scenario> [options]
      scenarios:
        writes    closed loop, changes only (buy-ins, cash-outs, joins) on --tables tables
        reads     closed loop, GET /api/tables/{id} only
        mix       closed loop, --reads % reads (default 90), the rest changes
        open      open loop at --rate requests/s, the mix; latency from each request's intended send time
        pages     closed loop on the view-only page, then on the manage page, of the same tables (gzipped, as a
                  browser asks); prints the ratio
        viewers   --viewers live viewers on one table's event stream, --changes changes one after another
        compare   the mix against Bullion, then against the stateless baseline on the same --db; prints the ratio.
                  Each server is first played --server-warmup seconds on tables of its own, set aside
        first-request  --long-tables tables played to --events (10050) events, the server stopped and started
                  again on the same data: the time of the first view of each (the first one in a fresh JVM)
        idle-tables  --tables (10000) tables of a night live in this JVM (a journal that keeps nothing, --db sqlite
                  or h2 for the rest): heap per table after full GCs and the classes that grew; --request-ids false
                  plays without them
        snapshot-read  a table of --entries (10000) entries: its snapshot read back as table-state 5 and as 4,
                  then written as 5 (in this JVM, no database)
        startup   Bullion started --runs (5) times as the README runs it, each on fresh data (--data same: each on
                  the data a first start created, as a restart): time to ready and CPU
        suite     writes, writes on one table, reads, pages, mix, open, viewers, compare
        core      JMH benchmarks of the core (JMH options after the scenario, e.g. core -f 1 -i 5 SettleUp)
      options (defaults in brackets):
        --url URL               a running Bullion on loopback instead of a child JVM
        --app-jar PATH          [app/target/bullion.jar]
        --java-opts "OPTS"      JVM options for the child server, e.g. -XX:StartFlightRecording=...
        --server-env NAME=VALUE more environment for the child server (repeatable; not BULLION_DB_URL: --db)
        --db sqlite|h2|postgres [sqlite] the child's database and the baseline's: sqlite as a new data directory
                                gets it, h2 as an earlier version's data directory has it (an empty H2 file
                                made before the start), postgres a fresh database bullion_bench on
                                --pg-url [jdbc:postgresql://127.0.0.1:5432/] --pg-user [postgres] --pg-password []
        --tables N [100]  --players N [8]  --events N [60] events per table before measuring
        --clients N [64]  --duration S [10]  --warmup S [3]  --requests N [10000000] (per phase)
        --reads PCT [90]  --rate N [2000]  --max-in-flight N [10000]
        --server-warmup S [20]  compare: the mix on other tables first, so the JIT is done compiling (0: none)
        --viewers N [200]  --changes N [50]
        --page-gzip true|false [true] pages ask for gzip, as every browser does
        --client-addresses N [4096] synthetic X-Forwarded-For clients (0: none), see BENCHMARKS.md
      """;

    private final Options options;
    private final PrintStream out;
    /** The child server being loaded, if the bench started it: its CPU time is read around each phase. */
    private Optional<ProcessHandle> server = Optional.empty();

    private Bench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int code = run(Arrays.asList(args), System.out);
        System.exit(code);
    }

    /** Runs one scenario and prints its figures to {@code out}; the exit code. */
    public static int run(List<String> args, PrintStream out) throws Exception {
        if (args.isEmpty() || args.getFirst().equals("--help")) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        String scenario = args.getFirst();
        if (scenario.equals("core")) {
            return core(args.subList(1, args.size()));
        }
        Bench bench = new Bench(Options.parse(args.subList(1, args.size())), out);
        out.printf(
                "Bullion bench: %s; %d cores, JDK %s, generator heap max %d MiB%n",
                scenario,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20);
        switch (scenario) {
            case "writes", "reads", "pages", "mix", "open", "viewers" -> bench.onBullion(List.of(scenario));
            case "compare" -> bench.compare();
            case "first-request" -> bench.firstRequest();
            case "startup" -> bench.startup();
            case "snapshot-read" ->
                SnapshotRead.run(bench.options.integer("entries", 10_000), bench.options.integer("rounds", 30), out);
            case "idle-tables" ->
                IdleTables.run(
                        bench.options.integer("tables", 10_000),
                        bench.options.integer("players", 8),
                        bench.options.integer("events", 60),
                        Boolean.parseBoolean(bench.options.get("request-ids", "true")),
                        bench.options.integer("clients", 64),
                        bench.database(),
                        out);
            case "suite" -> {
                bench.onBullion(List.of("writes", "one-table", "reads", "pages", "mix", "open", "viewers"));
                bench.compare();
            }
            default -> {
                out.print(USAGE);
                return 2;
            }
        }
        return 0;
    }

    private static int core(List<String> jmhArgs) throws Exception {
        List<String> args = jmhArgs.isEmpty()
                ? List.of("-f", "1", "-wi", "3", "-w", "1s", "-i", "5", "-r", "1s", "bullion.bench.core")
                : jmhArgs;
        new Runner(new OptionsBuilder()
                        .parent(new CommandLineOptions(args.toArray(String[]::new)))
                        .build())
                .run();
        return 0;
    }

    /** Runs the scenarios one after another on one Bullion: the --url one, or a child started for them. */
    private void onBullion(List<String> scenarios) throws Exception {
        if (options.get("url").isPresent()) {
            for (String s : scenarios) {
                scenario(
                        s,
                        URI.create(options.get("url").get()),
                        "Bullion at " + options.get("url").get());
            }
            return;
        }
        String cache = StartupCache.of(appJar()).describe();
        try (ChildServer bullion = startBullion("bullion_bench")) {
            out.printf(
                    "Bullion ready from %s in %d ms, %d ms of CPU (%s; %s)%n",
                    appJar(),
                    bullion.startedIn().toMillis(),
                    bullion.cpuAtReady().toMillis(),
                    database().label(),
                    cache);
            server = Optional.of(bullion.handle());
            for (String s : scenarios) {
                scenario(s, bullion.url(), "Bullion");
            }
        }
    }

    private Stats scenario(String scenario, URI url, String target) throws Exception {
        try (Api api = new Api(url, options.integer("client-addresses", 4096))) {
            return switch (scenario) {
                case "writes" -> load(api, target + ", changes only", options.integer("tables", 100), 0, false);
                case "one-table" -> load(api, target + ", changes on one table", 1, 0, false);
                case "reads" -> load(api, target + ", reads only", options.integer("tables", 100), 100, false);
                case "pages" -> pages(api, target);
                case "mix" ->
                    load(api, target + ", mix", options.integer("tables", 100), options.integer("reads", 90), false);
                case "open" ->
                    load(
                            api,
                            target + ", open loop",
                            options.integer("tables", 100),
                            options.integer("reads", 90),
                            true);
                case "viewers" -> {
                    Viewers.Measured measured = Viewers.run(
                            api,
                            options.integer("viewers", 200),
                            options.integer("changes", 50),
                            options.decimal("duration", 10),
                            server);
                    Stats stats = measured.stats();
                    Figures.print(
                            out,
                            target + ", " + options.integer("viewers", 200) + " live viewers of one table",
                            stats,
                            false);
                    measured.cpu()
                            .print(
                                    out,
                                    stats.latencies().containsKey("to all viewers")
                                            ? stats.latencies()
                                                    .get("to all viewers")
                                                    .getTotalCount()
                                            : 0,
                                    "change");
                    yield stats;
                }
                default -> throw new IllegalArgumentException("no scenario " + scenario);
            };
        }
    }

    private Stats load(Api api, String title, int tables, int readPercent, boolean openLoop) throws Exception {
        long began = System.nanoTime();
        Workload workload = setUpTables(api, tables, readPercent);
        out.printf(
                "%n%s: %d tables of %.0f events set up in %d ms%n",
                title, tables, workload.averageEvents(), (System.nanoTime() - began) / 1_000_000);
        int clients = options.integer("clients", 64);
        long requests = requestLimit();
        double warmup = options.decimal("warmup", 3);
        if (warmup > 0) {
            ClosedLoop.run(workload, clients, warmup, requests);
        }
        double seconds = options.decimal("duration", 10);
        CpuTime cpu = CpuTime.start(server);
        Stats stats;
        String how;
        if (openLoop) {
            double rate = options.decimal("rate", 2000);
            stats = OpenLoop.run(workload, rate, seconds, requests, options.integer("max-in-flight", 10_000));
            how = String.format("%.0f requests/s scheduled, %d%% reads", rate, readPercent);
        } else {
            stats = ClosedLoop.run(workload, clients, seconds, requests);
            how = String.format("%d clients, %d%% reads", clients, readPercent);
        }
        Figures.print(
                out,
                title + " (" + how + "); tables end at " + Math.round(workload.averageEvents()) + " events",
                stats);
        cpu.print(out, stats);
        return stats;
    }

    /**
     * The view-only page, then the manage page, of the same tables, each in its own measured phase (so each gets its
     * own CPU per request); then how many times the view page's throughput and CPU the manage page's are.
     */
    private Stats pages(Api api, String target) throws Exception {
        int tables = options.integer("tables", 100);
        long began = System.nanoTime();
        Workload workload = setUpTables(api, tables, 0);
        out.printf(
                "%n%s, pages: %d tables of %.0f events set up in %d ms%n",
                target, tables, workload.averageEvents(), (System.nanoTime() - began) / 1_000_000);
        int clients = options.integer("clients", 64);
        long requests = requestLimit();
        double warmup = options.decimal("warmup", 3);
        double seconds = options.decimal("duration", 10);
        // As a browser asks, unless told otherwise: every browser takes gzip, and the two pages differ most there
        // (the view page is compressed once per version, the manage page carries new request ids on every answer).
        boolean gzip = Boolean.parseBoolean(options.get("page-gzip", "true"));
        Stats[] stats = new Stats[2];
        double[] cpu = new double[2];
        for (int i = 0; i < 2; i++) {
            boolean manage = i == 1;
            ClosedLoop.Step step = workload.pageStep(manage, gzip);
            if (warmup > 0) {
                ClosedLoop.run(step, clients, warmup, requests);
            }
            CpuTime counted = CpuTime.start(server);
            stats[i] = ClosedLoop.run(step, clients, seconds, requests);
            Figures.print(
                    out,
                    target + ", " + (manage ? "manage" : "view-only") + " page, " + (gzip ? "gzip" : "not compressed")
                            + " (" + clients + " clients)",
                    stats[i]);
            cpu[i] = counted.print(out, stats[i]);
        }
        out.println();
        out.println("== manage page / view page, same tables");
        out.printf("%-26s %10s %10s %8s%n", "", "view", "manage", "ratio");
        double view = stats[0].count() / stats[0].seconds();
        double manage = stats[1].count() / stats[1].seconds();
        out.printf("%-26s %10.0f %10.0f %7.2fx%n", "throughput /s", view, manage, view / manage);
        if (server.isPresent()) {
            out.printf("%-26s %10.3f %10.3f %7.2fx%n", "server CPU ms per request", cpu[0], cpu[1], cpu[1] / cpu[0]);
        }
        return stats[1];
    }

    /** The mix on Bullion, then on the baseline, with the same options; one is stopped before the other starts. */
    private void compare() throws Exception {
        Stats bullion;
        if (options.get("url").isPresent()) {
            warmServer(URI.create(options.get("url").get()), "Bullion");
            bullion = scenario(
                    "mix",
                    URI.create(options.get("url").get()),
                    "Bullion at " + options.get("url").get());
        } else {
            try (ChildServer child = startBullion("bullion_bench")) {
                server = Optional.of(child.handle());
                out.printf(
                        "Bullion started in %d ms (%s)%n",
                        child.startedIn().toMillis(), database().label());
                warmServer(child.url(), "Bullion");
                bullion = scenario("mix", child.url(), "Bullion");
            }
        }
        Stats baseline;
        try (ChildServer child = startBaseline()) {
            server = Optional.of(child.handle());
            out.printf(
                    "%nBaseline started in %d ms (%s)%n",
                    child.startedIn().toMillis(), database().label());
            warmServer(child.url(), "stateless baseline");
            baseline = scenario("mix", child.url(), "stateless baseline");
        }
        out.println();
        out.println("== Bullion / baseline, same mix");
        out.printf("%-22s %10s %10s %8s%n", "", "Bullion", "baseline", "ratio");
        ratio("throughput /s", bullion.count() / bullion.seconds(), baseline.count() / baseline.seconds(), false);
        for (double p : new double[] {50, 99}) {
            ratio(
                    "p" + (int) p + " ms (all)",
                    bullion.all().getValueAtPercentile(p) / 1000.0,
                    baseline.all().getValueAtPercentile(p) / 1000.0,
                    true);
        }
    }

    /**
     * The mix played for {@code --server-warmup} seconds on tables of its own, which are then left alone: a fresh
     * server on two cores is still compiling its request path after the mix's own --warmup (its CPU per request
     * twice what it is a minute later, BENCHMARKS.md "A fresh server's JIT"), and warming it on the measured tables
     * would play them far past a night's length, where the baseline's replay grows with every event.
     */
    private void warmServer(URI url, String target) throws Exception {
        double seconds = options.decimal("server-warmup", 20);
        if (seconds <= 0) {
            return;
        }
        long began = System.nanoTime();
        try (Api api = new Api(url, options.integer("client-addresses", 4096))) {
            Workload workload = setUpTables(api, options.integer("tables", 100), options.integer("reads", 90));
            Stats played = ClosedLoop.run(workload, options.integer("clients", 64), seconds, requestLimit());
            out.printf(
                    "%s warmed on tables of its own, set aside: %d requests in %d ms in all%n",
                    target, played.count(), (System.nanoTime() - began) / 1_000_000);
        }
    }

    /** {@code tables} tables opened and played to a night of --players and --events, as every scenario measures. */
    private Workload setUpTables(Api api, int tables, int readPercent) throws InterruptedException {
        return Workload.setUp(api, tables, options.integer("players", 8), options.integer("events", 60), readPercent);
    }

    /** --requests: the most requests one load phase sends. */
    private long requestLimit() {
        return Long.parseLong(options.get("requests", "10000000"));
    }

    private void ratio(String name, double ours, double theirs, boolean lowerIsBetter) {
        double r = lowerIsBetter ? theirs / ours : ours / theirs;
        out.printf("%-22s %10.2f %10.2f %7.2fx%n", name, ours, theirs, r);
    }

    /**
     * Start-up as users get it (issue 14: ready in under 1.5 s): Bullion started {@code --runs} times one after another
     * with the README's command and stopped once ready; each start's time to ready (its readiness probe answers 200) and
     * its CPU time by then, and the medians. {@code --data fresh} (the default) starts each on a fresh database, as a
     * first start ever; {@code --data same} starts each on one database that a first, uncounted start created, as a
     * restart or an upgrade finds it. Without a current start-up cache beside the jar, a first start writes it and is
     * not counted.
     */
    private void startup() throws Exception {
        int runs = options.integer("runs", 5);
        if (!options.get("data", "fresh").equals("same")) {
            measureStarts(runs, Optional.empty());
            return;
        }
        Path sameDir = Files.createTempDirectory("bullion-startup-");
        Map<String, String> sameEnv = freshDatabase("bullion_bench");
        sameEnv.putIfAbsent("BULLION_DATA_DIR", sameDir.resolve("data").toString());
        try {
            measureStarts(runs, Optional.of(sameEnv));
        } finally {
            try (var files = Files.walk(sameDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void measureStarts(int runs, Optional<Map<String, String>> sameData) throws Exception {
        if (!StartupCache.of(appJar()).current() || sameData.isPresent()) {
            try (ChildServer first = startForStartup(sameData)) {
                out.printf(
                        "a first start (ready in %d ms) writes the start-up cache if there is none%s;"
                                + " not counted%n",
                        first.startedIn().toMillis(),
                        sameData.isPresent() ? " and creates the database the others start on" : "");
            }
        }
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            try (ChildServer child = startForStartup(sameData)) {
                wall.add(child.startedIn().toMillis());
                cpu.add(child.cpuAtReady().toMillis());
                out.printf(
                        "start %d: ready in %d ms, %d ms of CPU (%s)%n",
                        i, wall.getLast(), cpu.getLast(), database().label());
            }
        }
        out.printf(
                "median of %d starts: ready in %d ms, %d ms of CPU; load average %.1f%n",
                runs, median(wall), median(cpu), CpuTime.loadAverage());
    }

    private ChildServer startForStartup(Optional<Map<String, String>> sameData) throws Exception {
        return sameData.isPresent()
                ? ChildServer.bullion(
                        appJar(), ChildServer.javaOptions(options.get("java-opts", "")), sameData.get(), database())
                : startBullion("bullion_bench");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private ChildServer startBullion(String postgresName) throws Exception {
        return ChildServer.bullion(
                appJar(),
                ChildServer.javaOptions(options.get("java-opts", "")),
                freshDatabase(postgresName),
                database());
    }

    /**
     * The child's environment for a fresh database: a new PostgreSQL database, or (SQLite, H2) the child's own data
     * dir, which {@link ChildServer#bullion} readies for the database.
     */
    private Map<String, String> freshDatabase(String postgresName) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        if (database() == BenchDatabase.POSTGRES) {
            env.put("BULLION_DB_URL", Databases.freshPostgres(pgUrl(), pgUser(), pgPassword(), postgresName));
            env.put("BULLION_DB_USER", pgUser());
            env.put("BULLION_DB_PASSWORD", pgPassword());
        }
        env.putAll(options.serverEnvironment());
        return env;
    }

    /**
     * A table's first request after its process is gone (issue 14: under 100 ms for a 10,000-event table). Plays
     * {@code --long-tables} (3) tables to {@code --events} (10,050) events, so each has a snapshot and some events
     * after it as a long night leaves them; stops the server; starts it again on the same data; then views each table
     * once, one after another: the first view is a fresh server's (its JIT cold), the others a warm server's first
     * request to a table that is not running. Then the first table again, now running, for comparison.
     */
    private void firstRequest() throws Exception {
        int tables = options.integer("long-tables", 3);
        int events = options.integer("events", 10_050);
        Path dataDir = Files.createTempDirectory("bullion-first-request-");
        Map<String, String> env = freshDatabase("bullion_bench");
        env.putIfAbsent("BULLION_DATA_DIR", dataDir.resolve("data").toString());
        List<String> javaOptions = ChildServer.javaOptions(options.get("java-opts", ""));
        try {
            measureFirstRequests(tables, events, javaOptions, env);
        } finally {
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Plays the long tables, stops the server, starts it on the same data and times the first view of each. */
    private void measureFirstRequests(int tables, int events, List<String> javaOptions, Map<String, String> env)
            throws Exception {
        List<Night> nights;
        try (ChildServer first = ChildServer.bullion(appJar(), javaOptions, env, database());
                Api api = new Api(first.url(), options.integer("client-addresses", 4096))) {
            long began = System.nanoTime();
            nights = LongNights.play(
                    api,
                    tables,
                    options.integer("players", 8),
                    events,
                    options.integer("clients", 16),
                    options.decimal("max-setup", 900));
            out.printf(
                    "%d tables played to %s events in %d ms (%s); stopping the server%n",
                    tables,
                    nights.stream().map(n -> String.valueOf(n.events())).toList(),
                    (System.nanoTime() - began) / 1_000_000,
                    database().label());
        }
        try (ChildServer again = ChildServer.bullion(appJar(), javaOptions, env, database());
                Api api = new Api(again.url(), options.integer("client-addresses", 4096))) {
            out.printf(
                    "Started again on the same data in %d ms%n",
                    again.startedIn().toMillis());
            for (int i = 0; i < nights.size(); i++) {
                double ms = LongNights.timeView(api, nights.get(i));
                out.printf(
                        "first view of table %d (%d events), %s: %.1f ms%n",
                        i + 1, nights.get(i).events(), i == 0 ? "fresh server" : "warm server, table not running", ms);
            }
            out.printf("view of table 1 again, running: %.1f ms%n", LongNights.timeView(api, nights.getFirst()));
        }
    }

    private ChildServer startBaseline() throws Exception {
        List<String> args = new ArrayList<>(List.of("--db", database().option()));
        if (database() == BenchDatabase.POSTGRES) {
            args.addAll(List.of(
                    "--pg-url",
                    Databases.freshPostgres(pgUrl(), pgUser(), pgPassword(), "bullion_bench_baseline"),
                    "--pg-user",
                    pgUser(),
                    "--pg-password",
                    pgPassword()));
        }
        return ChildServer.baseline(ChildServer.javaOptions(options.get("java-opts", "")), args);
    }

    private Path appJar() {
        return Path.of(options.get("app-jar", System.getProperty("bullion.bench.appJar", "app/target/bullion.jar")));
    }

    /**
     * The child's database, and the baseline's. Refuses a BULLION_DB_URL of --server-env: the bench would name one
     * database in its printouts and start the baseline on it while the child ran on another.
     */
    private BenchDatabase database() {
        if (options.serverEnvironment().containsKey("BULLION_DB_URL")) {
            throw new IllegalArgumentException(
                    "--server-env BULLION_DB_URL: choose the child's database with --db (and --pg-url) instead");
        }
        return BenchDatabase.named(options.get("db", "sqlite"));
    }

    private String pgUrl() {
        return options.get("pg-url", "jdbc:postgresql://127.0.0.1:5432/");
    }

    private String pgUser() {
        return options.get("pg-user", "postgres");
    }

    private String pgPassword() {
        return options.get("pg-password", "");
    }
}

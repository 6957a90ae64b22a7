package bullion.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server under test in its own JVM, as users run it: Bullion is the README's {@code java … -jar
 * app/target/bullion.jar} (with the start-up cache of the README's launcher, {@link StartupCache}) with a
 * fresh temporary data directory; the baseline is this jar's {@code BaselineServer}. Its output goes to a log
 * file in that directory. Closing it sends SIGTERM, waits, and deletes the directory.
 */
public final class ChildServer implements AutoCloseable {

    // Generous: on a machine loaded by other builds a start took 73 s (load average 20 on 2 cores).
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    /**
     * What the bench waits for after starting a server: Bullion is started once its readiness probe answers 200 (the
     * journal takes writes, the node is Up and a table has been placed: what a load balancer waits for); the baseline
     * has no such probe, and is started once it answers HTTP at all (a table that does not exist is a 404).
     */
    private record Ready(String path, boolean needsOk) {}

    private static final Ready BULLION_READY = new Ready("/health/ready", true);
    private static final Ready BASELINE_READY = new Ready("/api/tables/AAAAAAAAAAAAAAAAAAAAAA", false);

    private final Process process;
    private final Path dir;
    private final URI url;
    private final Duration startedIn;
    private final Duration cpuAtReady;

    private ChildServer(Process process, Path dir, URI url, Duration startedIn, Duration cpuAtReady) {
        this.process = process;
        this.dir = dir;
        this.url = url;
        this.startedIn = startedIn;
        this.cpuAtReady = cpuAtReady;
    }

    /**
     * Starts Bullion from its jar on {@code database}. The environment gets a free port, the temporary data dir,
     * BULLION_TRUST_PROXY=true (see {@link Api} on rate limits) and a table-open allowance no set-up reaches, then
     * {@code env} on top (which names PostgreSQL, or another data dir). The data dir is readied for the database before
     * the start ({@link BenchDatabase#prepare}, not counted in its time) and checked once it is ready.
     */
    public static ChildServer bullion(
            Path appJar, List<String> javaOptions, Map<String, String> env, BenchDatabase database)
            throws IOException, SQLException {
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalArgumentException(
                    appJar + " is missing: build it with ./mvnw -q -B -pl bench -am package -DskipTests");
        }
        Path dir = Files.createTempDirectory("bullion-bench-");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(StartupCache.of(appJar).options());
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", appJar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("BULLION_HTTP_PORT", String.valueOf(port));
        builder.environment().put("BULLION_HTTP_HOST", "127.0.0.1");
        builder.environment().put("BULLION_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("BULLION_TRUST_PROXY", "true");
        // Each scenario opens its own tables (100 by default): a suite opens several hundred within a minute, far
        // over the server's default allowance of 120 a minute for all clients together.
        builder.environment().put("BULLION_RATE_LIMIT_TABLE_OPENS_PER_MINUTE", "1000000");
        builder.environment().putAll(env);
        Path dataDir = Path.of(builder.environment().get("BULLION_DATA_DIR"));
        database.prepare(dataDir);
        ChildServer child = start(builder, dir, port, BULLION_READY);
        try {
            database.check(dataDir);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        return child;
    }

    /** Starts the stateless baseline from this program's own classpath. */
    public static ChildServer baseline(List<String> javaOptions, List<String> args) throws IOException {
        Path dir = Files.createTempDirectory("bullion-baseline-");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(javaOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "bullion.bench.baseline.BaselineServer",
                "--port",
                String.valueOf(port),
                "--data-dir",
                dir.resolve("data").toString()));
        command.addAll(args);
        return start(new ProcessBuilder(command), dir, port, BASELINE_READY);
    }

    public URI url() {
        return url;
    }

    /** From starting the process to ready (see {@link Ready}). */
    public Duration startedIn() {
        return startedIn;
    }

    /** The CPU time the server's process had used when it was first seen ready, on all its threads. */
    public Duration cpuAtReady() {
        return cpuAtReady;
    }

    /** The server's process: the bench reads its CPU time around each measured phase. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path log() {
        return dir.resolve("server.log");
    }

    private static ChildServer start(ProcessBuilder builder, Path dir, int port, Ready ready) throws IOException {
        builder.redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        long began = System.nanoTime();
        Process process = builder.start();
        // A child must not outlive the generator, even when the generator is stopped with Ctrl-C.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        URI url = URI.create("http://127.0.0.1:" + port + "/");
        ChildServer child = new ChildServer(process, dir, url, Duration.ZERO, Duration.ZERO);
        try {
            awaitReady(process, url, ready, dir.resolve("server.log"));
        } catch (RuntimeException | IOException e) {
            child.close();
            throw e;
        }
        Duration startedIn = Duration.ofNanos(System.nanoTime() - began);
        Duration cpu = process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
        return new ChildServer(process, dir, url, startedIn, cpu);
    }

    private static void awaitReady(Process process, URI url, Ready ready, Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest probe = HttpRequest.newBuilder(url.resolve(ready.path()))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server exited with " + process.exitValue() + ": " + tail(log));
                }
                try {
                    int status = http.send(probe, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    if (!ready.needsOk() || status == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // the port is not open yet
                }
                // Polling a port that is not yet open, or a probe that says not yet: nothing to wait on instead. Every
                // 10 ms, so the figure is at most that late; a probe costs the server next to nothing.
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the server did not answer within " + START_TIMEOUT + ": " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Splits a --java-opts value on spaces. */
    public static List<String> javaOptions(String value) {
        return value.isBlank()
                ? List.of()
                : Arrays.stream(value.strip().split("\\s+")).toList();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.getFileName().toString().endsWith(".jfr"))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

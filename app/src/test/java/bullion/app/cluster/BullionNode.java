package bullion.app.cluster;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Bullion process: {@code java -jar bullion.jar} with its ports fixed for its whole life, so a restart comes back
 * where the other nodes and the clients expect it. Its output is read line by line: the audit lines say which tables
 * this node runs (a table's change is audited by the node that runs the table; the line carries the request's log id in
 * brackets, when it has one).
 */
final class BullionNode {

    private static final Pattern RUNNING = Pattern.compile("Bullion is running: open http://");
    private static final Pattern RECORDED =
            Pattern.compile("bullion\\.audit (?:\\[[^\\]]*\\] )?- table ([A-Za-z0-9_-]+) \\S+: recorded");

    final String name;
    final int httpPort;
    final int clusterPort;
    private final Map<String, String> env;
    /** Which node last recorded a change of each table, shared by all nodes of one cluster. */
    private final Map<String, String> homes;

    /** How often a node that ends by itself while starting is started again (a restart policy's job). */
    private static final int RESTARTS_WHILE_STARTING = 2;

    /** Each time this node ended by itself while starting and was started again. */
    final List<String> restarts = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final List<String> tail = new ArrayList<>();
    private Process process;
    private CountDownLatch running;

    BullionNode(String name, int httpPort, int clusterPort, Map<String, String> env, Map<String, String> homes) {
        this.name = name;
        this.httpPort = httpPort;
        this.clusterPort = clusterPort;
        this.env = env;
        this.homes = homes;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    String clusterAddress() {
        return "pekko://bullion@127.0.0.1:" + clusterPort;
    }

    synchronized void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // As README's run command: the classes mapped from a shared archive (written by the first node to stop), which
        // halves the start-up CPU that a restart costs three JVMs on one small machine.
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + jar().resolveSibling("bullion-it.jsa"),
                "-Xlog:cds=off",
                // Every GC pause with the wall-clock time, beside the node's log: what a failure detector must ride
                // out.
                "-Xlog:gc:file=" + logFile().resolveSibling(name + "-gc-%p.log") + ":time,uptime"));
        // For a closer look at a run, e.g. -Dlogback.configurationFile=... with Pekko's cluster logs at INFO.
        String extra = System.getProperty("bullion.node.jvm-args", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("BULLION_HTTP_PORT", String.valueOf(httpPort));
        builder.environment().put("BULLION_CLUSTER_PORT", String.valueOf(clusterPort));
        running = new CountDownLatch(1);
        process = builder.start();
        CountDownLatch started = running;
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Path logFile = logFile();
        Thread.ofPlatform().daemon().name("out-" + name).start(() -> {
            try (BufferedWriter log = Files.newBufferedWriter(
                    logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    remember(line);
                    log.write(line);
                    log.newLine();
                    if (RUNNING.matcher(line).find()) {
                        started.countDown();
                    }
                    Matcher recorded = RECORDED.matcher(line);
                    if (recorded.find()) {
                        homes.put(recorded.group(1), name);
                    }
                }
            } catch (IOException gone) {
                // the process ended
            }
        });
    }

    /** Each node's whole output, kept for a look after the run: target/cluster-logs/(node)-(test's pid).log. */
    private Path logFile() throws IOException {
        Path dir = jar().resolveSibling("cluster-logs");
        Files.createDirectories(dir);
        return dir.resolve(name + "-" + ProcessHandle.current().pid() + ".log");
    }

    /**
     * Waits until the node serves HTTP (it is Up in the cluster by then); fails with its last lines if it does not. A
     * node that ends by itself before that is started again, at most {@link #RESTARTS_WHILE_STARTING} times, as
     * docs/deploy.md's restart policy would (a node the others down while it joins exits with status 2 for exactly
     * that); each such restart is kept in {@link #restarts} for the test to print.
     */
    void awaitRunning(Duration timeout) throws InterruptedException, IOException {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (!running.await(100, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError(name + " did not start in " + timeout + "; its last lines:\n" + tail());
            }
            if (!process.isAlive() && !running.await(1, TimeUnit.SECONDS)) {
                if (restarts.size() >= RESTARTS_WHILE_STARTING) {
                    throw new AssertionError(name + " ended while starting, " + (restarts.size() + 1)
                            + " times; its last lines:\n" + tail());
                }
                restarts.add(name + " ended with status " + process.exitValue() + " while starting; started again");
                start();
            }
        }
    }

    /** Waits until the node's {@code /health/ready} answers 200, as a load balancer would see it; fails if it does not. */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long giveUp = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < giveUp) {
            try {
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                                .timeout(Duration.ofSeconds(1))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            TimeUnit.MILLISECONDS.sleep(RoundRobinClient.PROBE_EVERY_MS);
        }
        throw new AssertionError(name + " not ready within " + timeout + " (" + last + "); its last lines:\n" + tail());
    }

    /** kill -9: no shutdown hook, no leaving; the others must notice by themselves. */
    void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for the process to end by itself; the time it took. */
    Duration stop(Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        // Through its handle: Process.destroy() also closes this side of the node's output pipe, so everything the node
        // logged while stopping was lost (and its writes failed).
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    name + " did not stop within " + timeout + " of SIGTERM; its last lines:\n" + tail());
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Forcibly, whatever state it is in: for clean-up. */
    void destroy() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    synchronized String tail() {
        return String.join("\n", tail);
    }

    private synchronized void remember(String line) {
        tail.add(line);
        if (tail.size() > 60) {
            tail.removeFirst();
        }
    }

    /** The jar `package` built; failsafe passes its path (see app/pom.xml). */
    private static Path jar() {
        String jar = System.getProperty("bullion.jar");
        if (jar == null) {
            throw new IllegalStateException("run with -Dbullion.jar=app/target/bullion.jar (failsafe sets it)");
        }
        return Path.of(jar);
    }

    static Map<String, String> sharedHomes() {
        return new ConcurrentHashMap<>();
    }
}

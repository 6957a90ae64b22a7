package bullion.app;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.EngineSettings;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.TableSystem;
import bullion.engine.persistence.DatabaseSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bullion as it runs: the real Main in its own JVM, buy-ins streaming in over HTTP, then SIGTERM. It must
 * stop by itself, and every buy-in it acknowledged with a 201 must be in the journal.
 */
class GracefulShutdownTest {

    private static final Pattern RUNNING = Pattern.compile("Bullion is running: open (http://127\\.0\\.0\\.1:\\d+)/");
    private static final Pattern FIELD = Pattern.compile("\"(id|manageToken|seq)\"\\s*:\\s*\"?([A-Za-z0-9_-]+)\"?");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    Path dataDir;

    @Test
    void sigtermStopsBullionAndKeepsEveryAcknowledgedChange() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("BULLION_DATA_DIR", dataDir.toString());
        builder.environment().put("BULLION_HTTP_PORT", "0");
        Process bullion = builder.start();
        List<String> acked = new CopyOnWriteArrayList<>();
        List<String> refused = new CopyOnWriteArrayList<>();
        CountDownLatch enoughAcked = new CountDownLatch(25);
        // Own threads: the common pool may have a single thread on a 2-core machine, and the drain never ends.
        ExecutorService threads = Executors.newCachedThreadPool();
        String tableId;
        String token;
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(bullion.getInputStream(), StandardCharsets.UTF_8));
            String base = CompletableFuture.supplyAsync(() -> readUntilRunning(out), threads)
                    .get(90, TimeUnit.SECONDS);
            threads.execute(() -> out.lines().forEach(line -> {})); // keep draining the child's output

            String opened = post(
                            base + "/api/tables",
                            null,
                            "{\"name\":\"Last orders\",\"buyIn\":\"5.00\",\"chipsPerBuyIn\":50}")
                    .body();
            tableId = field(opened, "id");
            token = field(opened, "manageToken");
            post(base + "/api/tables/" + tableId + "/players", token, "{\"name\":\"Ari\"}");

            CompletableFuture<Void> stream = CompletableFuture.runAsync(
                    () -> {
                        for (int i = 0; i < 2_000; i++) {
                            try {
                                HttpResponse<String> response = post(
                                        base + "/api/tables/" + tableId + "/players/1/buy-ins", token, "{\"count\":1}");
                                if (response.statusCode() == 201) {
                                    acked.add(field(response.body(), "seq"));
                                    enoughAcked.countDown();
                                } else {
                                    refused.add(response.statusCode() + " " + response.body());
                                }
                            } catch (Exception stopped) {
                                refused.add(stopped.toString());
                                return; // the server is gone: the stream ends here
                            }
                        }
                    },
                    threads);
            assertThat(enoughAcked.await(60, TimeUnit.SECONDS))
                    .as("25 buy-ins acknowledged; refused: " + refused)
                    .isTrue();
            assertThat(acked)
                    .as("buy-ins acknowledged before SIGTERM; refused: " + refused)
                    .hasSizeGreaterThanOrEqualTo(25);
            bullion.destroy(); // SIGTERM
            assertThat(bullion.waitFor(60, TimeUnit.SECONDS))
                    .as("Bullion stops by itself after SIGTERM")
                    .isTrue();
            stream.get(30, TimeUnit.SECONDS);
        } finally {
            bullion.destroyForcibly();
            threads.shutdownNow();
        }

        try (TableSystem restarted = TableSystem.start(EngineSettings.singleNode(DatabaseSettings.embedded(dataDir)))) {
            Outcome outcome = restarted
                    .tables()
                    .view(new TableId(tableId), Optional.empty())
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOf(Outcome.Done.class);
            List<String> journaled = ((Outcome.Done) outcome)
                    .table().entries().stream()
                            .map(e -> String.valueOf(e.seq()))
                            .toList();
            assertThat(journaled).containsAll(acked);
        }
    }

    private static String readUntilRunning(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher running = RUNNING.matcher(line);
                if (running.find()) {
                    return running.group(1);
                }
            }
            throw new AssertionError("Bullion exited before it was running");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> post(String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no \"" + name + "\" in " + json);
    }
}

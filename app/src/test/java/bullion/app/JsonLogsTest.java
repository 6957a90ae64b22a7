package bullion.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bullion as it runs, with {@code BULLION_LOG_FORMAT=json}: every line it writes to stdout is one JSON object, and the
 * lines of a request (here the audit lines a table writes on a Pekko thread) carry the request's {@code X-Request-Id}.
 */
class JsonLogsTest {

    private static final Pattern RUNNING = Pattern.compile("Bullion is running: open (http://127\\.0\\.0\\.1:\\d+)/");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    Path dataDir;

    @Test
    void withJsonLogsEveryLineIsJsonAndARequestsAuditLinesCarryItsRequestId() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder =
                new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
        builder.environment().put("BULLION_DATA_DIR", dataDir.toString());
        builder.environment().put("BULLION_HTTP_PORT", "0");
        builder.environment().put("BULLION_LOG_FORMAT", "json");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD); // the JVM's own warnings are not log lines
        Process bullion = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(bullion.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        int startUpLines = 0;
        try {
            String base = null;
            while (base == null) {
                startUpLines++;
                String line = lines.poll(150, TimeUnit.SECONDS);
                assertThat(line).as("Bullion said it is running within 150 s").isNotNull();
                JsonNode json = parse(line);
                Matcher running = RUNNING.matcher(json.path("formattedMessage").asText());
                base = running.find() ? running.group(1) : null;
            }

            String opened = send(
                    base + "/api/tables",
                    null,
                    "open-0001",
                    "{\"name\":\"Logged\",\"buyIn\":\"5.00\"," + "\"chipsPerBuyIn\":50}");
            String id = JSON.readTree(opened).get("id").asText();
            String token = JSON.readTree(opened).get("manageToken").asText();
            send(base + "/api/tables/" + id + "/players", token, "player-0002", "{\"name\":\"Ari\"}");
            send(base + "/api/tables/" + id + "/players/1/buy-ins", token, "buy-in-0003", "{\"count\":2}");
        } finally {
            bullion.destroy(); // SIGTERM: a graceful stop, whose lines must be JSON too
            assertThat(bullion.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
        }

        List<JsonNode> logged = lines.stream().map(JsonLogsTest::parse).toList();
        assertThat(logged)
                .allSatisfy(line -> assertThat(line.get("level").asText()).isNotBlank());
        List<JsonNode> audit = logged.stream()
                .filter(line -> line.path("loggerName").asText().equals("bullion.audit"))
                .toList();
        assertThat(audit).anySatisfy(line -> {
            assertThat(line.get("formattedMessage").asText()).contains("OpenTable: recorded as version 1");
            assertThat(line.get("mdc").get("requestId").asText()).isEqualTo("open-0001");
        });
        assertThat(audit).anySatisfy(line -> {
            assertThat(line.get("formattedMessage").asText()).contains("AddPlayer: recorded");
            assertThat(line.get("mdc").get("requestId").asText()).isEqualTo("player-0002");
        });
        assertThat(audit).anySatisfy(line -> {
            assertThat(line.get("formattedMessage").asText()).contains("BuyIn: recorded");
            assertThat(line.get("mdc").get("requestId").asText()).isEqualTo("buy-in-0003");
            assertThat(line.get("threadName").asText())
                    .as("written by the table's actor")
                    .contains("pekko");
        });
        System.out.printf(
                "JsonLogsTest: %d lines, all JSON; %d audit lines%n", startUpLines + logged.size(), audit.size());
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
            return node;
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    /** A change with its X-Request-Id; the answer must echo it. */
    private static String send(String url, String token, String requestId, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
        return response.body();
    }
}

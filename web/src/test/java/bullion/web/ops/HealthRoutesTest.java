package bullion.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.EngineSettings;
import bullion.engine.TableSystem;
import bullion.engine.persistence.DatabaseSettings;
import bullion.web.Services;
import bullion.web.WebServer;
import bullion.web.WebSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health routes answer 200 or 503 with a JSON body naming each check, are never rate limited (nor is a scrape with
 * the metrics token, while a wrong one is), and every answer echoes a sane {@code X-Request-Id} or a new one.
 */
class HealthRoutesTest {

    private static final String TOKEN = "another-metrics-token-42";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private record Server(Monitoring monitoring, TableSystem tables, WebServer web) implements AutoCloseable {
        static Server start(Path dataDir, int requestsPerMinute) {
            Monitoring monitoring = Monitoring.start(Optional.of(TOKEN));
            TableSystem tables = TableSystem.start(
                    EngineSettings.singleNode(DatabaseSettings.h2File(dataDir)), monitoring.registry());
            WebServer web = WebServer.start(
                    Services.of(tables.tables()).withHealth(tables.health()).withMonitoring(monitoring),
                    WebSettings.defaults().withPort(0).withRequestsPerMinute(requestsPerMinute));
            return new Server(monitoring, tables, web);
        }

        String url(String path) {
            return "http://127.0.0.1:" + web.port() + path;
        }

        @Override
        public void close() {
            web.close();
            tables.close();
            monitoring.close();
        }
    }

    @Test
    void healthChecksAndAnAuthorizedScrapeAreNeverRateLimitedWhileOtherRequestsAre() throws Exception {
        try (Server server = Server.start(dataDir, 5)) {
            HttpResponse<String> ready = awaitReady(server);
            JsonNode body = JSON.readTree(ready.body());
            assertThat(body.get("status").asText()).isEqualTo("UP");
            List<String> checks = new ArrayList<>();
            body.get("checks").forEach(check -> {
                checks.add(check.get("name").asText());
                assertThat(check.get("ok").asBoolean()).isTrue();
                assertThat(check.get("detail").asText()).isNotBlank();
            });
            assertThat(checks).containsExactly("actor-system", "journal", "cluster", "sharding");
            assertThat(ready.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(ready.headers().firstValue("Cache-Control")).hasValue("no-store");

            // Five requests a minute for everything else; far more probes and scrapes than that all pass.
            for (int i = 0; i < 30; i++) {
                assertThat(get(server, "/health/ready", Optional.empty()).statusCode())
                        .isEqualTo(200);
                assertThat(get(server, "/health/live", Optional.empty()).statusCode())
                        .isEqualTo(200);
                assertThat(get(server, "/metrics", Optional.of("Bearer " + TOKEN))
                                .statusCode())
                        .isEqualTo(200);
            }
            int pages = 0;
            while (get(server, "/", Optional.empty()).statusCode() != 429) {
                pages++;
                assertThat(pages).as("the page limit bites").isLessThan(10);
            }
            assertThat(get(server, "/metrics", Optional.of("Bearer wrong-token-0000000000"))
                            .statusCode())
                    .as("a scrape without the token is limited like any request")
                    .isEqualTo(429);
            assertThat(get(server, "/health/ready", Optional.empty()).statusCode())
                    .isEqualTo(200);
            assertThat(get(server, "/metrics", Optional.of("Bearer " + TOKEN)).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aNodeWhoseTableServersStoppedIsNeitherLiveNorReadyAndSaysWhich() throws Exception {
        try (Server server = Server.start(dataDir, 600)) {
            awaitReady(server);
            server.tables().close();
            HttpResponse<String> live = get(server, "/health/live", Optional.empty());
            assertThat(live.statusCode()).isEqualTo(503);
            JsonNode body = JSON.readTree(live.body());
            assertThat(body.get("status").asText()).isEqualTo("DOWN");
            assertThat(body.get("checks").get(0).get("name").asText()).isEqualTo("actor-system");
            assertThat(body.get("checks").get(0).get("ok").asBoolean()).isFalse();
            assertThat(get(server, "/health/ready", Optional.empty()).statusCode())
                    .isEqualTo(503);
        }
    }

    @Test
    void aStoppingNodeTurnsNotReadyFirstAndStillServesWhatReachesIt() throws Exception {
        try (Server server = Server.start(dataDir, 600)) {
            awaitReady(server);
            server.tables().health().stopping();
            HttpResponse<String> ready = get(server, "/health/ready", Optional.empty());
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode cluster = JSON.readTree(ready.body()).get("checks").get(2);
            assertThat(cluster.get("name").asText()).isEqualTo("cluster");
            assertThat(cluster.get("ok").asBoolean()).isFalse();
            assertThat(cluster.get("detail").asText()).contains("stopping");
            assertThat(get(server, "/health/live", Optional.empty()).statusCode())
                    .as("stopping is no reason to restart it")
                    .isEqualTo(200);
            HttpResponse<String> opened = HTTP.send(
                    HttpRequest.newBuilder(URI.create(server.url("/api/tables")))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"name\":\"Last orders\",\"buyIn\":\"5.00\",\"chipsPerBuyIn\":50}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(opened.statusCode())
                    .as("a request that still reaches a draining node is served: %s", opened.body())
                    .isEqualTo(201);
        }
    }

    @Test
    void everyAnswerCarriesTheRequestIdSentIfSaneElseANewOne() throws Exception {
        try (Server server = Server.start(dataDir, 600)) {
            HttpRequest.Builder sane = HttpRequest.newBuilder(URI.create(server.url("/health/live")))
                    .header(RequestLogId.HEADER, "lb-7f3a.42:9");
            assertThat(HTTP.send(sane.build(), HttpResponse.BodyHandlers.ofString())
                            .headers()
                            .firstValue(RequestLogId.HEADER))
                    .hasValue("lb-7f3a.42:9");
            for (String insane : List.of("two words", "x".repeat(65), "quote\"d", "new\\nline")) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/no-such-page")))
                        .header(RequestLogId.HEADER, insane)
                        .build();
                HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(404);
                assertThat(answer.headers().firstValue(RequestLogId.HEADER))
                        .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
            }
        }
    }

    private static HttpResponse<String> awaitReady(Server server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> ready = get(server, "/health/ready", Optional.empty());
        while (ready.statusCode() != 200) {
            assertThat(ready.statusCode()).isEqualTo(503);
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not ready within 20 s: " + ready.body());
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // probing, as a balancer does
            ready = get(server, "/health/ready", Optional.empty());
        }
        return ready;
    }

    private static HttpResponse<String> get(Server server, String path, Optional<String> authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        authorization.ifPresent(a -> request.header("Authorization", a));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

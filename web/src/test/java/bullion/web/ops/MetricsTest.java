package bullion.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.EngineSettings;
import bullion.engine.TableSystem;
import bullion.engine.persistence.DatabaseSettings;
import bullion.web.Services;
import bullion.web.WebServer;
import bullion.web.WebSettings;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} parses as Prometheus text and counts exactly what this test did: one table opened, a player, five
 * buy-ins recorded, three refused by the core, one with a wrong token, a second live stream refused by the per-client
 * stream limit (the one 429); each journal write timed; HTTP requests by route template, never by a path holding a
 * table id. A change that times out on a busy machine (503, not recorded) is retried with its Idempotency-Key, as a
 * client should, and the 503s seen are what must be counted as not recorded.
 */
class MetricsTest {

    static final String TOKEN = "metrics-token-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Pattern FIELD = Pattern.compile("\"(id|manageToken)\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");

    @TempDir
    static Path dataDir;

    private static Monitoring monitoring;
    private static TableSystem tables;
    private static WebServer web;

    @BeforeAll
    static void start() {
        monitoring = Monitoring.start(Optional.of(TOKEN));
        tables = TableSystem.start(EngineSettings.singleNode(DatabaseSettings.h2File(dataDir)), monitoring.registry());
        WebSettings settings = WebSettings.defaults().withPort(0);
        WebSettings.Limits limits = settings.limits();
        // One live stream per client, so a second one is the test's one 429.
        settings = settings.withLimits(limits.withConnections(
                limits.maxConnections(), limits.maxConnectionsPerClient(), 1, limits.requestDeadline()));
        web = WebServer.start(
                Services.of(tables.tables()).withHealth(tables.health()).withMonitoring(monitoring), settings);
    }

    @AfterAll
    static void stop() {
        web.close();
        tables.close();
        monitoring.close();
    }

    @Test
    void metricsParseAsPrometheusTextAndCountWhatTheTestDid() throws Exception {
        String opened = change("/api/tables", null, "{\"name\":\"Counted\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100}")
                .body();
        String id = field(opened, "id");
        String token = field(opened, "manageToken");
        assertThat(change("/api/tables/" + id + "/players", token, "{\"name\":\"Ari\"}")
                        .statusCode())
                .isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            assertThat(change("/api/tables/" + id + "/players/1/buy-ins", token, "{\"count\":1}")
                            .statusCode())
                    .isEqualTo(201);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(change("/api/tables/" + id + "/players/99/buy-ins", token, "{\"count\":1}")
                            .statusCode())
                    .as("no player 99: the core refuses")
                    .isEqualTo(404);
        }
        assertThat(change("/api/tables/" + id + "/players/1/buy-ins", "not-the-token", "{\"count\":1}")
                        .statusCode())
                .isEqualTo(403);

        // One viewer: a live stream held open while the figures are read; a second one is over the limit.
        HttpResponse<InputStream> stream = HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/tables/" + id + "/events"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream events = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            HttpResponse<String> second = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base() + "/api/tables/" + id + "/events"))
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).isEqualTo(429);
            PrometheusText metrics = awaitMetrics(m ->
                    m.value("bullion_tables_live", Map.of()) == 1 && m.value("bullion_viewers_live", Map.of()) == 1);
            String text = scrape().body();

            assertThat(metrics.value("bullion_changes_total", Map.of("kind", "OpenTable", "outcome", "accepted")))
                    .isEqualTo(1);
            for (String kind : new String[] {"OpenTable", "AddPlayer", "BuyIn"}) {
                assertThat(metrics.value("bullion_changes_total", Map.of("kind", kind, "outcome", "not_recorded")))
                        .as("the 503s this test saw for " + kind)
                        .isEqualTo((double) notRecorded.getOrDefault(kind, 0));
            }
            assertThat(metrics.value("bullion_changes_total", Map.of("kind", "AddPlayer", "outcome", "accepted")))
                    .isEqualTo(1);
            assertThat(metrics.value("bullion_changes_total", Map.of("kind", "BuyIn", "outcome", "accepted")))
                    .isEqualTo(5);
            assertThat(metrics.value("bullion_changes_total", Map.of("kind", "BuyIn", "outcome", "refused")))
                    .isEqualTo(3);
            assertThat(metrics.value("bullion_changes_total", Map.of("kind", "BuyIn", "outcome", "forbidden")))
                    .isEqualTo(1);
            assertThat(metrics.samples().stream()
                            .filter(s -> s.name().equals("bullion_changes_total"))
                            .mapToDouble(PrometheusText.Sample::value)
                            .sum())
                    .as("nothing else was counted as a change")
                    .isEqualTo(11
                            + notRecorded.values().stream()
                                    .mapToInt(Integer::intValue)
                                    .sum());
            assertThat(metrics.value("bullion_journal_write_seconds_count", Map.of()))
                    .as("one write per recorded change: the open, the player, five buy-ins")
                    .isEqualTo(7);
            assertThat(metrics.value("bullion_rate_limited_total", Map.of())).isEqualTo(1);
            assertThat(metrics.value("bullion_cluster_members", Map.of("status", "up")))
                    .isEqualTo(1);
            assertThat(metrics.value("bullion_cluster_members", Map.of("status", "leaving")))
                    .isZero();

            String buyIns = "/api/tables/{id}/players/{playerId}/buy-ins";
            assertThat(http(metrics, "POST", buyIns, "201")).isEqualTo(5);
            assertThat(http(metrics, "POST", buyIns, "404")).isEqualTo(3);
            assertThat(http(metrics, "POST", buyIns, "403")).isEqualTo(1);
            assertThat(http(metrics, "POST", "/api/tables", "201")).isEqualTo(1);
            assertThat(http(metrics, "GET", "/api/tables/{id}/events", "429")).isEqualTo(1);
            assertThat(metrics.value(
                            "http_server_requests_seconds_bucket",
                            Map.of("method", "POST", "route", buyIns, "status", "201", "le", "10.0")))
                    .as("a latency histogram per route and status")
                    .isEqualTo(5);
            assertThat(text).doesNotContain(id);

            // Eden is empty right after a young collection (seen once), so its series must exist; what lives on is in
            // the old generation.
            assertThat(metrics.samples())
                    .anyMatch(s -> s.name().equals("jvm_memory_used_bytes")
                            && s.labels().equals(Map.of("area", "heap", "id", "G1 Eden Space")));
            assertThat(metrics.value("jvm_memory_used_bytes", Map.of("area", "heap", "id", "G1 Old Gen")))
                    .isPositive();
            assertThat(metrics.value("jvm_threads_live_threads", Map.of())).isPositive();
            assertThat(metrics.samples()).anyMatch(s -> s.name().startsWith("jvm_gc_"));
            System.out.printf(
                    "MetricsTest: %d series in %d bytes; buy-ins accepted %.0f, refused %.0f, forbidden %.0f; 429s %.0f;"
                            + " journal writes %.0f; 503s retried %s%n",
                    metrics.samples().size(),
                    text.length(),
                    metrics.value("bullion_changes_total", Map.of("kind", "BuyIn", "outcome", "accepted")),
                    metrics.value("bullion_changes_total", Map.of("kind", "BuyIn", "outcome", "refused")),
                    metrics.value("bullion_changes_total", Map.of("kind", "BuyIn", "outcome", "forbidden")),
                    metrics.value("bullion_rate_limited_total", Map.of()),
                    metrics.value("bullion_journal_write_seconds_count", Map.of()),
                    notRecorded);
        }
    }

    @Test
    void metricsNeedTheTokenAndAreServedAsPrometheusText() throws Exception {
        HttpResponse<String> none = get("/metrics", Optional.empty());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
        assertThat(get("/metrics", Optional.of("Bearer " + TOKEN + "x")).statusCode())
                .isEqualTo(401);
        assertThat(get("/metrics", Optional.of("Basic " + TOKEN)).statusCode()).isEqualTo(401);
        HttpResponse<String> scraped = scrape();
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        PrometheusText.parse(scraped.body());
    }

    private static double http(PrometheusText metrics, String method, String route, String status) {
        return metrics.value(
                "http_server_requests_seconds_count", Map.of("method", method, "route", route, "status", status));
    }

    /** Scrapes until the gauges read from the engine's last probe show what is wanted; 10 s at most. */
    private static PrometheusText awaitMetrics(java.util.function.Predicate<PrometheusText> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        PrometheusText metrics = PrometheusText.parse(scrape().body());
        while (!wanted.test(metrics)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gauges did not catch up in 10 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // the probes run every 500 ms
            metrics = PrometheusText.parse(scrape().body());
        }
        return metrics;
    }

    static HttpResponse<String> scrape() throws Exception {
        return get("/metrics", Optional.of("Bearer " + TOKEN));
    }

    private static HttpResponse<String> get(String path, Optional<String> authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        authorization.ifPresent(a -> request.header("Authorization", a));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The 503s (not recorded) seen, by the command's stored name. */
    private final Map<String, Integer> notRecorded = new java.util.HashMap<>();

    /** A change, retried with its Idempotency-Key while it is not recorded (503), as a client should; five tries. */
    private HttpResponse<String> change(String path, String token, String json) throws Exception {
        String kind = path.endsWith("/api/tables") ? "OpenTable" : path.endsWith("/players") ? "AddPlayer" : "BuyIn";
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        for (int tries = 1; response.statusCode() == 503 && tries < 5; tries++) {
            notRecorded.merge(kind, 1, Integer::sum);
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no " + name + " in " + json);
    }

    private static String base() {
        return "http://127.0.0.1:" + web.port();
    }
}

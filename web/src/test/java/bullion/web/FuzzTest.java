package bullion.web;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.persistence.DatabaseSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every API route and form, sent hostile ids, bodies and headers by a property: never a 5xx, and a refusal never
 * changes the table. The table under attack is real (a player, a buy-in), and the fuzzer knows its manage token,
 * so bodies reach the core too. The figures are printed at the end.
 */
class FuzzTest {

    /** Method and path; {id}, {player} and {seq} are filled in by the generators. */
    private static final List<String> ROUTES = List.of(
            "POST /api/tables",
            "GET /api/tables/{id}",
            "POST /api/tables/{id}/close",
            "POST /api/tables/{id}/reopen",
            "GET /api/tables/{id}/events",
            "POST /api/tables/{id}/players",
            "POST /api/tables/{id}/players/{player}/buy-ins",
            "POST /api/tables/{id}/players/{player}/cash-outs",
            "GET /api/tables/{id}/ledger",
            "POST /api/tables/{id}/entries/{seq}/void",
            "GET /api/tables/{id}/export",
            "POST /api/tables/import",
            "GET /",
            "POST /tables",
            "GET /open",
            "GET /t/{id}",
            "GET /t/{id}/manage",
            "GET /t/{id}/fragment",
            "GET /t/{id}/ledger.csv",
            "GET /t/{id}/export",
            "GET /t/{id}/live",
            "POST /t/{id}/close",
            "POST /t/{id}/reopen",
            "POST /t/{id}/players",
            "POST /t/{id}/players/{player}/buy-ins",
            "POST /t/{id}/players/{player}/cash-outs",
            "POST /t/{id}/entries/{seq}/void");

    private static final int TRIES_PER_ROUTE = 200;

    private static final List<String> HOSTILE_TEXT = List.of(
            "",
            " ",
            "Ann",
            "a".repeat(300),
            "\u0000",
            "x\ny",
            "\u202Eevil",
            "<script>alert(1)</script>",
            "\"",
            "\\",
            "Zo\u0308e",
            "\uD83D\uDE00",
            "\u200B",
            "%00",
            "../..",
            "' OR 1=1 --",
            "-1",
            "0",
            "1",
            "+1",
            "0001",
            "1e3",
            "1.5",
            "12,50",
            "9".repeat(30),
            "-9223372036854775808",
            "\u0661",
            "NaN",
            "USD",
            "usd",
            "XXX",
            "20",
            "0.001");
    private static final List<String> HOSTILE_JSON_VALUES = List.of(
            "null",
            "true",
            "[]",
            "{}",
            "1",
            "-1",
            "0",
            "1.5",
            "1e999999999",
            "-0",
            "9223372036854775808",
            "\"1\"",
            "\"\"",
            "\"Ann\"",
            "\"\\u0000\"",
            "\"a\\nb\"",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            "\"" + "x".repeat(5000) + "\"",
            "\"\\ud800\"");
    private static final List<String> FIELDS = List.of(
            "name",
            "count",
            "chips",
            "reason",
            "buyIn",
            "chipsPerBuyIn",
            "currency",
            "paid",
            "token",
            "requestId",
            "price",
            "link");

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";

    private static TestServer server;
    private static String database;
    private static String tableId;
    private static String token;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> BY_STATUS = new ConcurrentHashMap<>();
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    record Attack(String method, String path, byte[] body, Map<String, String> headers) {
        @Override
        public String toString() {
            return method + " " + path + " " + headers + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    /** On a throwaway PostgreSQL database, the production engine (required on CI, skipped without a server elsewhere). */
    @BeforeContainer
    static void start() throws Exception {
        database = "bullion_fuzz_" + java.util.UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(PG + "postgres", "postgres", "");
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        } catch (SQLException unreachable) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("PostgreSQL at " + PG + " is required on CI", unreachable);
            }
            database = null;
            return;
        }
        // One client sends everything, so its own limits are lifted: a live stream it drops stays counted until the
        // server's next keep-alive write finds it gone. The global limit on opening tables stays.
        WebSettings.Limits lifted = WebSettings.defaults()
                .limits()
                .withRequests(10_000_000, 10_000_000)
                .withConnections(1_000, 1_000, 1_000, java.time.Duration.ofSeconds(10));
        server = TestServer.start(
                DatabaseSettings.postgres(PG + database, "postgres", ""),
                WebSettings.defaults().withPort(0).withLimits(lifted));
        HttpResponse<String> opened = send(
                "POST",
                "/api/tables",
                "{\"name\":\"Fuzz\",\"buyIn\":\"20\",\"chipsPerBuyIn\":100}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
        tableId = JSON.readTree(opened.body()).get("id").asText();
        token = JSON.readTree(opened.body()).get("manageToken").asText();
        Map<String, String> manage = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token);
        send(
                "POST",
                "/api/tables/" + tableId + "/players",
                "{\"name\":\"Ann\"}".getBytes(StandardCharsets.UTF_8),
                manage);
        send("POST", "/api/tables/" + tableId + "/players/1/buy-ins", "{}".getBytes(StandardCharsets.UTF_8), manage);
    }

    @AfterContainer
    static void stop() throws SQLException {
        if (database == null) {
            return;
        }
        System.out.printf(
                "fuzz: %d requests over %d routes; by status %s%n",
                REQUESTS.get(), ROUTES.size(), new TreeMap<>(BY_STATUS));
        server.close();
        try (Connection admin = DriverManager.getConnection(PG + "postgres", "postgres", "");
                Statement sql = admin.createStatement()) {
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            sql.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    @Property(tries = TRIES_PER_ROUTE * 24, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void noHostileRequestIsA5xxOrChangesTheTableWhenRefused(@ForAll("attacks") Attack attack) throws Exception {
        Assume.that(database != null); // no PostgreSQL here: every try is skipped, and jqwik says so
        long before = version();

        Answer answer = sendStreaming(attack);
        int status = answer.status();
        BY_STATUS.merge(String.valueOf(status), 1, Integer::sum);
        REQUESTS.incrementAndGet();

        assertThat(status).as(attack + " answered " + answer.body()).isLessThan(500);
        if (status >= 400) {
            assertThat(version()).as("a refusal changed the table: " + attack).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Attack> attacks() {
        Arbitrary<String> route = Arbitraries.of(ROUTES);
        Arbitrary<String> id = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just("{real}")),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.strings().withChars("AZaz09_-").ofLength(22)),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.of("", "%00", "..", "%2F", "a".repeat(300), "%D9%A1", "-1", "%20")));
        Arbitrary<String> number = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of("1", "2", "0", "-1")),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.of("+1", "0001", "%D9%A1", "2147483648", "1e3", "x", "%00", "1.0")));
        Arbitrary<Map<String, String>> headers = Combinators.combine(
                        Arbitraries.of(
                                "application/json",
                                "application/json; charset=utf-8",
                                "text/plain",
                                "application/x-www-form-urlencoded",
                                "multipart/form-data; boundary=x",
                                "none"),
                        Arbitraries.of("Bearer {token}", "Bearer wrong", "Basic Zm9vOmJhcg==", "Bearer", "none"),
                        Arbitraries.of("none", "key-1", "key-" + "k".repeat(250), "a b", "\u00e9t\u00e9"),
                        Arbitraries.of("none", "http://evil.example", "null", "{self}"),
                        Arbitraries.of("none", "cross-site", "same-origin", "same-site"),
                        Arbitraries.of("none", "true"),
                        Arbitraries.of("none", "text/event-stream", "text/html", "*/*"))
                .as(FuzzTest::headers);
        return Combinators.combine(route, id, number, number, body(), headers).as((r, i, player, seq, body, h) -> {
            String[] parts = r.split(" ", 2);
            String path =
                    parts[1].replace("{id}", i).replace("{player}", player).replace("{seq}", seq);
            boolean form = !path.startsWith("/api/");
            return new Attack(parts[0], path, form ? formOf(body) : body.getBytes(StandardCharsets.UTF_8), h);
        });
    }

    private static Map<String, String> headers(
            String type, String auth, String key, String origin, String site, String htmx, String accept) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        put(headers, "Content-Type", type);
        put(headers, "Authorization", auth);
        put(headers, "Idempotency-Key", key);
        put(headers, "Origin", origin);
        put(headers, "Sec-Fetch-Site", site);
        put(headers, "HX-Request", htmx);
        put(headers, "Accept", accept);
        return headers;
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (!value.equals("none")) {
            headers.put(name, value);
        }
    }

    /** A JSON object of hostile fields, or something that is not one. */
    private static Arbitrary<String> body() {
        Arbitrary<String> field = Combinators.combine(
                        Arbitraries.of(FIELDS),
                        Arbitraries.oneOf(
                                Arbitraries.of(HOSTILE_JSON_VALUES),
                                Arbitraries.of(HOSTILE_TEXT).map(FuzzTest::jsonString)))
                .as((name, value) -> "\"" + name + "\":" + value);
        Arbitrary<String> object = field.list().ofMaxSize(5).map(fields -> "{" + String.join(",", fields) + "}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, object),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(
                                "",
                                "[]",
                                "null",
                                "{",
                                "{\"name\":\"a\",\"name\":\"b\"}",
                                "{} x",
                                "\u0000",
                                "{\"name\":\"Ann\"}\u0000")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(200)));
    }

    private static String jsonString(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same fields as a form: each JSON field's text as a form field, with the real token when it asks for it. */
    private static byte[] formOf(String json) {
        List<String> pairs = new ArrayList<>();
        try {
            var node = JSON.readTree(json);
            if (node != null && node.isObject()) {
                node.properties()
                        .forEach(e -> pairs.add(enc(e.getKey()) + "="
                                + enc(
                                        e.getValue().isTextual()
                                                ? e.getValue().textValue()
                                                : e.getValue().toString())));
            }
        } catch (IOException notJson) {
            pairs.add("name=" + enc(json));
        }
        pairs.add("token=" + enc(token == null ? "" : token));
        return String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static long version() throws Exception {
        HttpResponse<String> table = send("GET", "/api/tables/" + tableId, new byte[0], Map.of());
        return JSON.readTree(table.body()).get("version").asLong();
    }

    /** Sends an attack; a stream that opened is closed at once (its status is what counts). */
    record Answer(int status, String body) {}

    private static Answer sendStreaming(Attack attack) throws Exception {
        String path = attack.path().replace("{real}", tableId);
        if (path.startsWith("/t/") && path.endsWith("/manage") || path.endsWith("/fragment")) {
            path += "?token=" + (attack.headers().containsKey("HX-Request") ? "wrong" : token);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        attack.method(),
                        attack.method().equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(attack.body()));
        attack.headers()
                .forEach((name, value) ->
                        request.header(name, value.replace("{token}", token).replace("{self}", server.baseUrl())));
        HttpResponse<InputStream> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = answer.body()) {
            boolean stream =
                    answer.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            return new Answer(
                    answer.statusCode(), stream ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static HttpResponse<String> send(String method, String path, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

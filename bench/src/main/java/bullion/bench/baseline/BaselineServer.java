package bullion.bench.baseline;

import bullion.bench.load.BenchDatabase;
import bullion.core.Command;
import bullion.core.CommandDecider;
import bullion.core.Decision;
import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Table;
import bullion.core.TableReport;
import bullion.engine.persistence.DatabaseSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The design Bullion replaced, kept as small as honesty allows: a stateless HTTP server (the JDK's, on virtual
 * threads) that for every request reads the table's events from the database, replays them with the core,
 * and for a change decides and appends in one transaction. It serves the JSON routes the load generator
 * uses, with the same bodies and statuses as Bullion's API; it has no rate limit, no CSRF check and no live
 * feed, so it does less per request than Bullion, not more.
 *
 * <p>{@code --port N --data-dir DIR [--db sqlite|h2|postgres --pg-url URL --pg-user U --pg-password P --connections
 * N]}: the embedded files are opened with Bullion's own urls ({@link DatabaseSettings}), so with the same durability
 * and settings.
 */
public final class BaselineServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ROUTE =
            Pattern.compile("^/api/tables(?:/([A-Za-z0-9_-]{22})(?:/players(?:/(\\d+)/(buy-ins|cash-outs))?)?)?$");
    private static final int RETRIES = 20;

    private final EventStore store;

    private BaselineServer(EventStore store) {
        this.store = store;
    }

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int port = Integer.parseInt(o.getOrDefault("port", "8081"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "16"));
        Path dataDir = Path.of(o.getOrDefault("data-dir", "./baseline-data"));
        Files.createDirectories(dataDir); // H2 makes the directories of its file, SQLite does not
        BenchDatabase kind = BenchDatabase.named(o.getOrDefault("db", "sqlite"));
        DatabaseSettings database = kind == BenchDatabase.POSTGRES
                ? DatabaseSettings.postgres(
                        o.get("pg-url"), o.getOrDefault("pg-user", "postgres"), o.getOrDefault("pg-password", ""))
                : kind.embeddedIn(dataDir);
        EventStore store = new EventStore(database.url(), database.user(), database.password(), connections);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        BaselineServer baseline = new BaselineServer(store);
        server.createContext("/api/tables", baseline::handle);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(1);
            try {
                store.close();
            } catch (SQLException ignored) {
                // Exiting anyway.
            }
        }));
        System.out.println("Baseline is running on http://127.0.0.1:" + port + "/");
    }

    private record Answer(int status, String body) {}

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        try {
            answer = route(exchange);
        } catch (SQLException e) {
            answer = problem(503, "the database failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = problem(503, "interrupted");
        } catch (RuntimeException e) {
            answer = problem(400, String.valueOf(e.getMessage()));
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Answer route(HttpExchange exchange) throws IOException, SQLException, InterruptedException {
        Matcher m = ROUTE.matcher(exchange.getRequestURI().getPath());
        String method = exchange.getRequestMethod();
        if (!m.matches()) {
            return problem(404, "No such route.");
        }
        String table = m.group(1);
        if (table == null) {
            return method.equals("POST") ? open(body(exchange)) : problem(405, "POST only.");
        }
        if (method.equals("GET") && exchange.getRequestURI().getPath().endsWith(table)) {
            return view(table);
        }
        if (!method.equals("POST")) {
            return problem(405, "Not here.");
        }
        String token = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                .filter(h -> h.startsWith("Bearer "))
                .map(h -> h.substring(7))
                .orElse("");
        JsonNode body = body(exchange);
        if (m.group(2) == null) {
            return change(table, token, new Command.AddPlayer(body.path("name").asText()), 201);
        }
        int player = Integer.parseInt(m.group(2));
        Command command = m.group(3).equals("buy-ins")
                ? new Command.BuyIn(player, body.path("count").asLong(1))
                : new Command.CashOut(player, body.path("chips").asLong());
        return change(table, token, command, 201);
    }

    private Answer open(JsonNode body) throws SQLException, InterruptedException {
        Command.OpenTable command = new Command.OpenTable(
                body.path("name").asText(),
                body.path("currency").asText("USD"),
                new BigDecimal(body.path("buyIn").asText("0")),
                body.path("chipsPerBuyIn").asLong());
        Decision decision = CommandDecider.decide(Optional.empty(), command, Instant.now());
        if (!(decision instanceof Decision.Accepted accepted)) {
            return rejected((Decision.Rejected) decision);
        }
        String id = randomId(16);
        String token = randomId(32);
        store.inTransaction(c -> {
            EventStore.create(c, id, sha256(token));
            EventStore.append(c, id, 1, accepted.events().getFirst());
            return null;
        });
        Table table = EventApplier.replay(accepted.events()).orElseThrow();
        var json = ViewJson.table(id, table, TableReport.of(table));
        json.put("manageToken", token)
                .put("viewUrl", "/t/" + id)
                .put("manageUrl", "/t/" + id + "/manage?token=" + token);
        return new Answer(201, json.toString());
    }

    private Answer view(String id) throws SQLException, InterruptedException {
        Optional<EventStore.Stored> stored = store.read(c -> EventStore.load(c, id));
        if (stored.isEmpty()) {
            return problem(404, "No table " + id + ".");
        }
        Table table = EventApplier.replay(stored.get().events()).orElseThrow();
        return new Answer(200, ViewJson.table(id, table, TableReport.of(table)).toString());
    }

    /** Read, replay, decide, append: retried from the top when another writer appended first. */
    private Answer change(String id, String token, Command command, int status)
            throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.inTransaction(c -> {
                    Optional<EventStore.Stored> stored = EventStore.load(c, id);
                    if (stored.isEmpty()) {
                        return problem(404, "No table " + id + ".");
                    }
                    if (!stored.get().tokenHash().equals(sha256(token))) {
                        return problem(token.isEmpty() ? 401 : 403, "That is not this table's manage token.");
                    }
                    List<Event> events = stored.get().events();
                    Optional<Table> table = EventApplier.replay(events);
                    Decision decision = CommandDecider.decide(table, command, Instant.now());
                    if (!(decision instanceof Decision.Accepted accepted)) {
                        return rejected((Decision.Rejected) decision);
                    }
                    int seq = events.size();
                    Table after = table.orElseThrow();
                    for (Event event : accepted.events()) {
                        EventStore.append(c, id, ++seq, event);
                        after = EventApplier.apply(Optional.of(after), event);
                    }
                    return new Answer(
                            status,
                            ViewJson.result(after, accepted.events().getFirst()).toString());
                });
            } catch (SQLException conflict) {
                if (attempt >= RETRIES || !isDuplicateKey(conflict)) {
                    throw conflict;
                }
            }
        }
    }

    // 23505 is unique_violation in both PostgreSQL and H2; H2 may also report a lock conflict (HYT00 / 40001). SQLite
    // sets no SQL state: its driver says which constraint failed. On SQLite it does not happen in a run: one
    // transaction writes at a time (EventStore), so none appends after a read another has outdated.
    static boolean isDuplicateKey(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state)
                || "40001".equals(state)
                || "HYT00".equals(state)
                || (e instanceof SQLiteException sqlite
                        && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                                || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE));
    }

    private static Answer rejected(Decision.Rejected rejected) {
        int status = switch (rejected.why()) {
            case bullion.core.Rejection.NotFound n -> 404;
            case bullion.core.Rejection.Conflict c -> 409;
            default -> 400;
        };
        return problem(status, rejected.why().message());
    }

    private static Answer problem(int status, String detail) {
        return new Answer(
                status,
                JSON.createObjectNode()
                        .put("type", "about:blank")
                        .put("title", "Problem")
                        .put("status", status)
                        .put("detail", detail)
                        .toString());
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(64 * 1024);
            return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        }
    }

    private static String randomId(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

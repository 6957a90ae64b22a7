package bullion.web.api;

import bullion.core.Command;
import bullion.core.Entry;
import bullion.core.Event;
import bullion.core.Table;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.Tables;
import bullion.web.ClientAddress;
import bullion.web.GroupCalls;
import bullion.web.HttpFailure;
import bullion.web.Input;
import bullion.web.ResponseBody;
import bullion.web.TableCalls;
import bullion.web.live.TableFeed;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON API: its routes, each a straight read-call-render, and the only place its answers are written. The
 * contract is {@code openapi.json}, written by hand beside the code and served as is at /api/openapi.json; the
 * tests check every response they get against it.
 */
public final class ApiRoutes {

    public static final String PREFIX = "/api/";

    /**
     * Absent optional fields are left out, not sent as null; a repeated key or trailing text is malformed JSON.
     *
     * <p>Its parsers' and generators' buffers come from one pool that all requests share. Jackson's default pool is
     * per thread, and every request runs on a virtual thread of its own, so each answer allocated its buffers anew
     * (about 14 % of the server's allocation under the mix: BENCHMARKS.md, "Jackson's buffers").
     */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedBoundedPool())
                    .build())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"bullion\"");

    /**
     * RFC 9457 problem details. Every problem has type {@code about:blank}, so its title is the status's standard
     * phrase and {@code detail} the specific sentence; a rejection by the core is also named in {@code rejection},
     * so scripts can tell one 409 from another without parsing English.
     */
    record Problem(String type, String title, int status, String detail, String rejection) {}

    private final TableCalls calls;
    private final TableFeed feed;
    private final CreatedTables created = new CreatedTables();

    private ApiRoutes(TableCalls calls, TableFeed feed) {
        this.calls = calls;
        this.feed = feed;
    }

    public static void register(RoutesConfig routes, TableCalls calls, TableFeed feed) {
        register(routes, calls, feed, Optional.empty());
    }

    /** With {@code groups}, the groups' routes too ({@link GroupResource}). */
    public static void register(RoutesConfig routes, TableCalls calls, TableFeed feed, Optional<GroupCalls> groups) {
        ApiRoutes api = new ApiRoutes(calls, feed);
        groups.ifPresent(g -> GroupResource.register(routes, g));
        byte[] contract = contract();
        routes.get(
                "/api/openapi.json", ctx -> ctx.contentType("application/json").result(contract));
        routes.post("/api/tables", api::create);
        RenderedTables rendered = new RenderedTables();
        routes.get("/api/tables/{id}", ctx -> {
            Outcome.Done done = calls.view(Input.tableId(ctx), Optional.empty());
            sendJson(ctx, 200, rendered.json(ctx.pathParam("id"), done));
        });
        // Closing or reopening answers what happened and when, so a repeated request gets the same answer.
        routes.post(
                "/api/tables/{id}/close",
                ctx -> send(
                        ctx,
                        200,
                        TableJson.status(
                                ctx.pathParam("id"),
                                true,
                                only(api.change(ctx, JsonBody::closeTable), Event.TableClosed.class)
                                        .at())));
        routes.post(
                "/api/tables/{id}/reopen",
                ctx -> send(
                        ctx,
                        200,
                        TableJson.status(
                                ctx.pathParam("id"),
                                false,
                                only(api.change(ctx, body -> new Command.ReopenTable()), Event.TableReopened.class)
                                        .at())));
        routes.get("/api/tables/{id}/events", api::events);
        routes.post("/api/tables/{id}/players", ctx -> {
            Event.PlayerJoined joined = only(
                    api.change(ctx, body -> new Command.AddPlayer(body.requiredText("name"))),
                    Event.PlayerJoined.class);
            send(ctx, 201, new TableJson.NewPlayerView(joined.playerId(), joined.name()));
        });
        routes.post(
                "/api/tables/{id}/players/{playerId}/buy-ins",
                ctx -> send(ctx, 201, TableJson.boughtIn(api.change(ctx, body -> body.buyIn(Input.playerId(ctx))))));
        routes.post(
                "/api/tables/{id}/players/{playerId}/cash-outs",
                ctx -> send(
                        ctx,
                        201,
                        TableJson.entry(only(
                                api.change(
                                        ctx,
                                        body -> new Command.CashOut(
                                                Input.playerId(ctx), body.requiredWholeNumber("chips"))),
                                Event.CashedOut.class))));
        routes.get(
                "/api/tables/{id}/ledger", ctx -> send(ctx, 200, TableJson.ledger(ctx.pathParam("id"), api.view(ctx))));
        routes.post("/api/tables/{id}/entries/{seq}/void", api::voidEntry);
        PaymentResource.register(routes, calls, api);
    }

    private void create(Context ctx) throws IOException {
        Optional<String> key = Input.requestId(Optional.ofNullable(ctx.header("Idempotency-Key")));
        Command.OpenTable command = JsonBody.of(ctx).openTable();
        Tables.Opened opened = key.isEmpty()
                ? calls.open(command, why -> Optional.empty())
                : created.once(
                        ClientAddress.of(ctx), key.get(), command, () -> calls.open(command, why -> Optional.empty()));
        String id = opened.id().value();
        ctx.header("Location", "/api/tables/" + id);
        ctx.header("Cache-Control", "no-store"); // the answer carries the manage token
        // open() answers only a Done outcome.
        send(ctx, 201, TableJson.created(id, ((Outcome.Done) opened.outcome()).table(), opened.manageToken()));
    }

    private Table view(Context ctx) {
        return calls.view(Input.tableId(ctx), Optional.empty()).table();
    }

    /** {@code {"reason"?}}: the entry as it is now voided. */
    private void voidEntry(Context ctx) throws IOException {
        Outcome.Done done = change(ctx, body -> new Command.VoidEntry(Input.seq(ctx), body.optionalText("reason")));
        Event.EntryVoided voided = only(done, Event.EntryVoided.class);
        Entry original = done.table().entry(voided.seq()).orElseThrow();
        send(ctx, 200, TableJson.voided(original, voided, done.table().settings()));
    }

    /** Server-Sent Events: a {@code changed} event after every change. */
    private void events(Context ctx) {
        TableId id = Input.tableId(ctx);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new HttpFailure(406, "This route is a Server-Sent Events stream: send Accept: text/event-stream.");
        }
        feed.stream(ctx, calls, id);
    }

    /**
     * A change to an existing table, read in the order a client can fix things: the table must exist in shape
     * (404), the token must be there (401), then the key and the body must be readable (400).
     */
    Outcome.Done change(Context ctx, Function<JsonBody, Command> read) {
        TableId id = Input.tableId(ctx);
        String token = bearerToken(ctx);
        Optional<String> key = Input.requestId(Optional.ofNullable(ctx.header("Idempotency-Key")));
        Command command = read.apply(JsonBody.of(ctx));
        return calls.change(id, token, command, key, Optional.empty());
    }

    /** The one event a command of this kind records; a repeated request's events are its first request's. */
    static <E extends Event> E only(Outcome.Done done, Class<E> kind) {
        List<Event> events = done.events();
        return events.stream()
                .filter(kind::isInstance)
                .map(kind::cast)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("expected a " + kind.getSimpleName() + " among " + events));
    }

    /**
     * The manage token from {@code Authorization: Bearer <token>} (RFC 6750). Without one a change is 401; whether
     * it is the right one only the table knows (403 if not). The token is never logged or echoed.
     */
    static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new HttpFailure(
                    401,
                    "Changing a table needs its manage token: send the header Authorization: Bearer "
                            + "<manageToken>.",
                    Optional.empty(),
                    Optional.empty(),
                    CHALLENGE);
        }
        String token = bearerTokenIn(header);
        if (token == null) {
            throw new HttpFailure(
                    401,
                    "The Authorization header must be \"Bearer <manageToken>\".",
                    Optional.empty(),
                    Optional.empty(),
                    CHALLENGE);
        }
        return token;
    }

    /**
     * The token in {@code header} if it reads {@code Bearer <token>} (the scheme in any ASCII case, spaces around the
     * token), else null: what the pattern {@code (?i)Bearer +([A-Za-z0-9._~+/-]+=*) *} matches and captures, read by
     * hand because every change checks it (a regular expression was a measurable part of its CPU, issue 14).
     */
    static String bearerTokenIn(String header) {
        int length = header.length();
        if (length < 6) {
            return null;
        }
        String scheme = "bearer";
        for (int i = 0; i < 6; i++) {
            // (?i) without UNICODE_CASE: only an ASCII letter's two cases match it.
            if ((header.charAt(i) | 0x20) != scheme.charAt(i)) {
                return null;
            }
        }
        int i = 6;
        while (i < length && header.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        if (start == 6) {
            return null; // no space after the scheme
        }
        while (i < length && tokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == start) {
            return null;
        }
        while (i < length && header.charAt(i) == '=') {
            i++;
        }
        int end = i;
        while (i < length && header.charAt(i) == ' ') {
            i++;
        }
        return i == length ? header.substring(start, end) : null;
    }

    private static boolean tokenCharacter(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/'
                || c == '-';
    }

    static void send(Context ctx, int status, Object body) throws IOException {
        sendJson(ctx, status, bytes(body));
    }

    /** {@code json}, already rendered, as the answer. */
    static void sendJson(Context ctx, int status, byte[] json) throws IOException {
        ctx.status(status).contentType("application/json");
        ResponseBody.write(ctx, json);
    }

    /** Any failure under /api/, as an RFC 9457 problem. */
    public static void problem(Context ctx, HttpResponseException failure) {
        int status = failure.getStatus();
        String rejection = failure instanceof HttpFailure f ? f.rejection().orElse(null) : null;
        ctx.contentType("application/problem+json").result(problem(status, failure.getMessage(), rejection));
    }

    /** A problem's JSON; {@code rejection} may be null. */
    public static String problem(int status, String detail, String rejection) {
        String title = status == 500
                ? "Internal Server Error"
                : HttpStatus.forStatus(status).getMessage();
        return write(new Problem("about:blank", title, status, detail, rejection));
    }

    /** {@code body} as JSON in UTF-8, the bytes an answer carries. */
    static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] contract() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("/openapi.json is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

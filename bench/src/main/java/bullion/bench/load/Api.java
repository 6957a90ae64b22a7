package bullion.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JSON API routes the load generator uses (Bullion's contract, web/src/main/resources/openapi.json; the
 * baseline serves the same ones). One HttpClient on virtual threads over HTTP/1.1.
 *
 * <p>The server limits each client address (600 requests, refilled at 10/s). When it trusts a proxy
 * (BULLION_TRUST_PROXY=true) it counts the last X-Forwarded-For entry instead, so the generator names each
 * request's client from a pool of {@code clientAddresses} synthetic addresses, as a proxy in front of that many
 * phones would; with 0 it sends no such header and every request counts against the one loopback address.
 */
public final class Api implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http;
    private final int clientAddresses;
    private final AtomicInteger nextAddress = new AtomicInteger();

    public Api(URI base, int clientAddresses) {
        this.base = requireLoopback(base);
        this.clientAddresses = clientAddresses;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public HttpClient http() {
        return http;
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    /** An answer: its status and body (parsed lazily). */
    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    public Reply openTable(String name) throws IOException, InterruptedException {
        return post("/api/tables", null, "{\"name\":\"" + name + "\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100}");
    }

    public Reply addPlayer(String table, String token, String name) throws IOException, InterruptedException {
        return post("/api/tables/" + table + "/players", token, "{\"name\":\"" + name + "\"}");
    }

    public Reply buyIn(String table, String token, int player) throws IOException, InterruptedException {
        return post("/api/tables/" + table + "/players/" + player + "/buy-ins", token, "{\"count\":1}");
    }

    public Reply cashOut(String table, String token, int player, long chips) throws IOException, InterruptedException {
        return post("/api/tables/" + table + "/players/" + player + "/cash-outs", token, "{\"chips\":" + chips + "}");
    }

    public Reply view(String table) throws IOException, InterruptedException {
        return send(request("/api/tables/" + table).GET().build());
    }

    /**
     * A page as a browser gets it: GET of {@code path} (e.g. /t/{id}) asking for HTML, and with {@code gzip} for gzip
     * too, as every browser does. The body is read as bytes and not unzipped (a browser's work, not the server's);
     * the reply's body is its length.
     */
    public Reply page(String path, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).header("Accept", "text/html");
        if (gzip) {
            builder.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> response = http.send(builder.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.body().length + " bytes");
    }

    /** A live viewer: the table's event stream on a socket of its own ({@link EventStream}). */
    EventStream events(String table) throws IOException {
        return EventStream.open(base.resolve("/api/tables/" + table + "/events"), nextClientAddress());
    }

    private Reply post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.build());
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        nextClientAddress().ifPresent(address -> builder.header("X-Forwarded-For", address));
        return builder;
    }

    /** The next synthetic client address from the pool, for X-Forwarded-For; empty with a pool of 0. */
    Optional<String> nextClientAddress() {
        if (clientAddresses <= 0) {
            return Optional.empty();
        }
        int n = Math.floorMod(nextAddress.getAndIncrement(), clientAddresses);
        return Optional.of("10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255));
    }

    /** The generator only ever loads a server on this machine. */
    static URI requireLoopback(URI base) {
        try {
            if (base.getHost() == null || !InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("the load generator only targets loopback addresses, not " + base);
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in " + base, e);
        }
        String s = base.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}

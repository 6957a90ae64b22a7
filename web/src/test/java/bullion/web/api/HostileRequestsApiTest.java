package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** What a careful attacker sends, each refused plainly: Jetty's own refusals, bodies, ids, hosts, caches, the audit. */
class HostileRequestsApiTest extends ApiServer {

    static Stream<Arguments> refusedByJettyItself() {
        return Stream.of(
                Arguments.of(
                        431,
                        "GET /api/tables/x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"),
                Arguments.of(414, "GET /api/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
                Arguments.of(400, "GET /api/tables/x HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: 127.0.0.2\r\n\r\n"),
                Arguments.of(
                        413,
                        "POST /api/tables HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 100000000\r\n\r\n{"));
    }

    @ParameterizedTest
    @MethodSource("refusedByJettyItself")
    void jettysOwnRefusalsCarryTheSecurityHeadersAndAProblemUnderApi(int status, String request) throws IOException {
        String answer = raw(request);

        assertThat(answer).startsWith("HTTP/1.1 " + status);
        assertThat(answer)
                .contains("Content-Security-Policy: default-src 'none'")
                .contains("X-Content-Type-Options: nosniff");
        if (status != 414) { // a URI too long to read has no path to tell the API from a page
            assertThat(answer)
                    .contains("Content-Type: application/problem+json")
                    .contains("\"status\":" + status);
        }
    }

    @Test
    void shareLinksUseTheAddressTheRequestArrivedOnNeverTheHostHeader() throws IOException {
        ApiClient.Opened table = api.open();

        String page = raw("GET /t/" + table.id() + "/manage?token=" + table.token()
                + " HTTP/1.1\r\nHost: evil.example\r\n" + "Connection: close\r\n\r\n");

        assertThat(page)
                .startsWith("HTTP/1.1 200")
                .contains("value=\"" + server.baseUrl() + "/t/" + table.id() + "\"")
                .doesNotContain("evil.example");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/plain",
                "application/x-www-form-urlencoded",
                "application/json; charset=latin1",
                "application/jsonx",
                "none"
            })
    void aBodyThatIsNotDeclaredAsJsonIs415(String type) {
        ApiClient.Opened table = api.open();
        String[] headers = type.equals("none")
                ? new String[] {"Authorization", "Bearer " + table.token()}
                : new String[] {"Authorization", "Bearer " + table.token(), "Content-Type", type};

        ApiClient.Response refused = api.send(
                "POST", table.path() + "/players", HttpRequest.BodyPublishers.ofString("{\"name\":\"Ann\"}"), headers);

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.get(table.path()).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void invalidUtf8Is400NotReplaced() {
        ApiClient.Opened table = api.open();
        byte[] body = "{\"name\":\"Ann?\"}".getBytes(StandardCharsets.US_ASCII);
        body[12] = (byte) 0xC3; // a lead byte with no continuation

        ApiClient.Response refused = api.send(
                "POST",
                table.path() + "/players",
                HttpRequest.BodyPublishers.ofByteArray(body),
                "Authorization",
                "Bearer " + table.token(),
                "Content-Type",
                "application/json");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).isEqualTo("The request body is not valid UTF-8.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1", "0001", "%D9%A1", "%EF%BC%91", "1.0", "01"})
    void aPlayerIdHasOneSpelling(String id) {
        ApiClient.Opened table = api.open();
        api.addPlayer(table, "Ann");

        ApiClient.Response refused = api.change(table, "/players/" + id + "/buy-ins", "{}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(api.get(table.path()).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void aVoidReasonWithAControlCharacterIsRefusedByTheCore() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        api.change(table, "/players/" + ann + "/buy-ins", "{}");

        ApiClient.Response refused = api.change(table, "/entries/1/void", "{\"reason\":\"oops\\u0000\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("rejection").asText()).isEqualTo("ReasonHasControlCharacters");
    }

    @Test
    void theAnswerThatCarriesTheManageTokenIsNeverCached() {
        ApiClient.Response created =
                api.post("/api/tables", "{\"name\":\"Friday\",\"buyIn\":\"20\",\"chipsPerBuyIn\":100}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aRefusedTokenIsAnAuditLineWithTableAndClientButNoToken() {
        Logger audit = (Logger) LoggerFactory.getLogger("bullion.audit");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        audit.addAppender(lines);
        Level before = audit.getLevel();
        audit.setLevel(Level.INFO);
        try {
            ApiClient.Opened table = api.open();
            ApiClient.Opened wrong = new ApiClient.Opened(
                    table.id(), "wrong-token-" + table.token().substring(0, 6));

            assertThat(api.change(wrong, "/players", "{\"name\":\"Mallory\"}").status())
                    .isEqualTo(403);

            assertThat(lines.list)
                    .map(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("403 refused: client 127.0.0.1, POST /api/tables/" + table.id() + "/players"))
                    .allSatisfy(line ->
                            assertThat(line).doesNotContain(table.token()).doesNotContain("wrong-token"));
        } finally {
            audit.detachAppender(lines);
            audit.setLevel(before);
        }
    }

    /** One request as bytes, the answer as text up to the close. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.web().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (answer.indexOf("\r\n\r\n") > 0 && complete(answer)) {
                        break;
                    }
                }
            } catch (java.net.SocketException reset) {
                // Jetty may reset a connection it refused once its answer is out
            }
            return answer.toString();
        }
    }

    /** Whether the answer's body has all its Content-Length bytes (Jetty keeps some connections open after it). */
    private static boolean complete(StringBuilder answer) {
        int head = answer.indexOf("\r\n\r\n");
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\nContent-Length: (\\d+)")
                .matcher(answer.substring(0, head));
        return length.find()
                && answer.substring(head + 4).getBytes(StandardCharsets.UTF_8).length
                        >= Integer.parseInt(length.group(1));
    }
}

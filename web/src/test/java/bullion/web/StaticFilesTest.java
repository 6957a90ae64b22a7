package bullion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pages' own files and the WebJars they use: served with their type, the security headers, a validator and the
 * caching each kind allows; nothing outside the two folders, however the path is spelled.
 */
class StaticFilesTest {

    @TempDir
    static Path dataDir;

    private static TestServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(15))
                .GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource({
        "/bullion.js, text/javascript, use strict",
        "/bullion.css, text/css, body",
        "/favicon.svg, image/svg+xml, <svg",
        "/webjars/htmx.org/2.0.10/dist/htmx.min.js, text/javascript, htmx",
    })
    void aFileIsServedWithItsTypeAndTheSecurityHeaders(String path, String type, String content) throws Exception {
        HttpResponse<String> file = get(path);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(type));
        assertThat(file.body()).contains(content);
        assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(file.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(file.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void ourOwnFilesAreCheckedEachTimeAndAWebJarIsKeptForAYear() throws Exception {
        assertThat(get("/bullion.js").headers().firstValue("Cache-Control")).contains("max-age=0");
        assertThat(get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").headers().firstValue("Cache-Control"))
                .contains("max-age=31622400");
    }

    @Test
    void anUnchangedFileIsNotSentAgain() throws Exception {
        String etag = get("/bullion.js").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get("/bullion.js", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/nope.js", "/webjars/nope.js", "/public/bullion.js", "/logback.xml", "/META-INF/MANIFEST.MF"})
    void aFileOutsideTheTwoFoldersIsNotFound(String path) throws Exception {
        assertThat(get(path).statusCode()).isEqualTo(404);
    }

    /** Sent as typed (HttpClient would normalise the dots away), so the server sees the climb. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/../bullion/web/WebServer.class",
                "/webjars/../../bullion/web/WebServer.class",
                "/%2e%2e/bullion/web/WebServer.class",
                "/webjars/%2e%2e/%2e%2e/bullion/web/WebServer.class"
            })
    void aPathThatClimbsOutIsRefused(String path) throws Exception {
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getAuthority()
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 4");
            assertThat(answer).doesNotContain("CAFEBABE").doesNotContain("\u00ca\u00fe\u00ba\u00be");
        }
    }
}

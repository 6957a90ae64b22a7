package bullion.web;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.persistence.DatabaseSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginCheckTest {

    static final String OPEN_TABLE = "name=Friday&price=20&chips=200&currency=USD";

    @TempDir
    Path data;

    @Test
    void theNullOriginOfASandboxedFrameIsCrossSite() {
        assertThat(OriginCheck.fromHere("null", Optional.empty(), "127.0.0.1:8080"))
                .isFalse();
        assertThat(OriginCheck.fromHere("null", Optional.of("https://bullion.example"), "127.0.0.1:8080"))
                .isFalse();
    }

    @Test
    void withoutAPublicUrlTheOriginMustNameThisHost() {
        assertThat(OriginCheck.fromHere("http://127.0.0.1:8080", Optional.empty(), "127.0.0.1:8080"))
                .isTrue();
        assertThat(OriginCheck.fromHere("https://evil.example", Optional.empty(), "127.0.0.1:8080"))
                .isFalse();
    }

    @Test
    void withAPublicUrlTheOriginMustBeItWhateverTheHostHeaderSays() {
        Optional<String> publicUrl =
                WebSettings.defaults().withPublicUrl("https://Bullion.example/").publicUrl();
        assertThat(OriginCheck.fromHere("https://bullion.example", publicUrl, "127.0.0.1:8080"))
                .isTrue();
        assertThat(OriginCheck.fromHere("https://bullion.example:443", publicUrl, "127.0.0.1:8080"))
                .isTrue();
        assertThat(OriginCheck.fromHere("http://bullion.example", publicUrl, "bullion.example"))
                .isFalse();
        assertThat(OriginCheck.fromHere("http://127.0.0.1:8080", publicUrl, "127.0.0.1:8080"))
                .isFalse();
    }

    @Test
    void aPostFromTheNullOriginIsRefusedUnlessTheBrowserSaysItIsSameOrigin() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            assertThat(postForm(server, "/tables", OPEN_TABLE, "Origin", "null").statusCode())
                    .isEqualTo(403);
            assertThat(postForm(server, "/tables", OPEN_TABLE, "Origin", "null", "Sec-Fetch-Site", "cross-site")
                            .statusCode())
                    .isEqualTo(403);
            // What Chromium sends for a form on our own page, whose Referrer-Policy is no-referrer.
            assertThat(postForm(server, "/tables", OPEN_TABLE, "Origin", "null", "Sec-Fetch-Site", "same-origin")
                            .statusCode())
                    .isEqualTo(303);
            assertThat(postForm(server, "/tables", OPEN_TABLE, "Origin", server.baseUrl())
                            .statusCode())
                    .isEqualTo(303);
        }
    }

    @Test
    void behindAProxyThePublicUrlIsTheOriginToComeFromAndTheOriginOfTheLinks() throws Exception {
        WebSettings settings = WebSettings.defaults().withPort(0).withPublicUrl("https://bullion.example");
        try (TestServer server = TestServer.start(DatabaseSettings.h2File(data), settings)) {
            assertThat(postForm(server, "/tables", OPEN_TABLE, "Origin", server.baseUrl())
                            .statusCode())
                    .isEqualTo(403);
            HttpResponse<String> opened = postForm(server, "/tables", OPEN_TABLE, "Origin", "https://bullion.example");
            assertThat(opened.statusCode()).isEqualTo(303);
            String managePath = opened.headers().firstValue("Location").orElseThrow();
            String tableId = managePath.split("/")[2];

            HttpResponse<String> page = send(
                    server,
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + managePath))
                            .GET());

            assertThat(page.body())
                    .contains("https://bullion.example/t/" + tableId)
                    .doesNotContain(server.baseUrl() + "/t/");
        }
    }

    private static HttpResponse<String> postForm(TestServer server, String path, String form, String... headers)
            throws Exception {
        return send(
                server,
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .headers(headers)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpResponse<String> send(TestServer server, HttpRequest.Builder request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                    request.header("Accept", "text/html")
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}

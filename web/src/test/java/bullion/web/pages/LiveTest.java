package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live stream the pages listen to, over plain HTTP. */
class LiveTest extends PageServer {

    static final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aChangeReachesAnOpenStreamAsAChangedEvent() throws Exception {
        Http.Managed table = http.openTable("Live", "20", "200", "USD");
        HttpResponse<InputStream> stream = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/t/" + table.id() + "/live"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            // ":connected" comes once the feed has subscribed to the table, so the change below cannot be missed.
            assertThat(CompletableFuture.supplyAsync(() -> readLine(lines)).get(10, TimeUnit.SECONDS))
                    .isEqualTo(": connected");

            http.change(table, "/players", Map.of("name", "Dana"));
            CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> {
                for (String line = readLine(lines); line != null; line = readLine(lines)) {
                    if (line.equals("event: changed")) {
                        return readLine(lines);
                    }
                }
                return "stream ended";
            });
            assertThat(event.get(10, TimeUnit.SECONDS))
                    .isEqualTo("data: {\"tableId\":\"" + table.id() + "\",\"version\":2}");
        }
    }

    private static String readLine(BufferedReader lines) {
        try {
            return lines.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aStreamForAnUnknownTableIsA404() throws Exception {
        HttpResponse<String> unknown = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/t/AAAAAAAAAAAAAAAAAAAAAA/live"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> malformed = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/t/nope/live"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(404);
    }

    @Test
    void theBoardFragmentSaysItsVersionSoAStaleLiveRefreshCanBeSkipped() {
        Http.Managed table = http.openTable("Versions", "20", "200", "USD");
        HttpResponse<String> first = http.get("/t/" + table.id() + "/fragment");
        http.change(table, "/players", Map.of("name", "Dana"));
        HttpResponse<String> second = http.get("/t/" + table.id() + "/fragment");
        assertThat(first.headers().firstValue("Bullion-Version")).hasValue("1");
        assertThat(second.headers().firstValue("Bullion-Version")).hasValue("2");
        assertThat(second.body()).contains("data-version=\"2\"");
    }
}

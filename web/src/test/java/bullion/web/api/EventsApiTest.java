package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** GET /api/tables/{id}/events: Server-Sent Events, one `changed` event per change. */
class EventsApiTest extends ApiServer {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aChangeIsSentAsAChangedEventWithTheNewVersion() throws Exception {
        ApiClient.Opened table = api.open();
        HttpResponse<InputStream> stream = http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + table.path() + "/events"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            OpenApiContract.DOCUMENT
                    .response("GET", table.path() + "/events", 200)
                    .path("content")
                    .path("text/event-stream")
                    .require();
            BlockingQueue<String> lines = readLines(body);
            // The feed sends ":connected" after it has subscribed, and a subscription is registered before subscribe()
            // returns: from here on no change can be missed, so one change must give one event.
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo(":connected");

            api.addPlayer(table, "Ann");

            assertThat(nextChangedData(lines, Duration.ofSeconds(10)))
                    .hasValue("{\"tableId\":\"" + table.id() + "\",\"version\":2}");
        }
    }

    @Test
    void theEventsOfAnUnknownTableAre404() {
        ApiClient.Response missing =
                api.get("/api/tables/DDDDDDDDDDDDDDDDDDDDDD/events", "Accept", "text/event-stream");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void askingForEventsWithoutAcceptingAnEventStreamIs406() {
        ApiClient.Opened table = api.open();

        ApiClient.Response refused = api.get(table.path() + "/events", "Accept", "application/json");

        assertThat(refused.status()).isEqualTo(406);
        assertThat(refused.detail()).contains("Accept: text/event-stream");
    }

    /** Lines of the stream as they arrive, read on a daemon thread so the test can wait with a timeout. */
    private static BlockingQueue<String> readLines(InputStream body) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            lines.add(line.replace(": ", ":"));
                        }
                    } catch (IOException closed) {
                        // the test closed the stream
                    }
                },
                "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The data of the next `changed` event within {@code within}, if one comes. */
    private static Optional<String> nextChangedData(BlockingQueue<String> lines, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        boolean inChanged = false;
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                return Optional.empty();
            }
            if (line.equals("event:changed")) {
                inChanged = true;
            } else if (inChanged && line.startsWith("data:")) {
                return Optional.of(line.substring("data:".length()));
            }
        }
    }
}

package bullion.app.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a load balancer in front of the three nodes does, and no more: each request goes to the next node in turn; a
 * node whose connection fails (refused while it restarts, reset when it is killed mid-request) is skipped and the same
 * request, with the same {@code Idempotency-Key}, goes to the next one. Any HTTP answer, a 503 included, is the answer.
 */
final class RoundRobinClient {

    /** An HTTP answer. */
    record Answer(int status, String body) {}

    private final List<String> nodes;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    /** Requests sent again to another node after a connection failed. */
    final AtomicInteger connectionRetries = new AtomicInteger();

    RoundRobinClient(List<String> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * A POST with a JSON body; empty if no node took it within {@code patience} (its outcome is then unknown: it may
     * or may not have been recorded).
     */
    Optional<Answer> post(String path, Optional<String> token, String idempotencyKey, String json, Duration patience)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return send(path, request, patience);
    }

    Optional<Answer> get(String path, Duration patience) throws InterruptedException {
        return send(
                path, HttpRequest.newBuilder().timeout(Duration.ofSeconds(15)).GET(), patience);
    }

    private Optional<Answer> send(String path, HttpRequest.Builder request, Duration patience)
            throws InterruptedException {
        long giveUp = System.nanoTime() + patience.toNanos();
        boolean retry = false;
        while (System.nanoTime() < giveUp) {
            String node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
            try {
                if (retry) {
                    connectionRetries.incrementAndGet();
                }
                HttpResponse<String> response =
                        http.send(request.uri(URI.create(node + path)).build(), HttpResponse.BodyHandlers.ofString());
                return Optional.of(new Answer(response.statusCode(), response.body()));
            } catch (IOException connectionFailed) {
                retry = true;
                if (next.get() % nodes.size() == 0) {
                    Thread.sleep(20); // every node refused: wait a moment before the next round
                }
            }
        }
        return Optional.empty();
    }
}

package bullion.app.cluster;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What a load balancer in front of the three nodes does, and no more (docs/deploy.md's Caddy): each request goes to
 * the next node in turn among those whose {@code /health/ready} last answered 200 (probed every
 * {@value #PROBE_EVERY_MS} ms; while none is ready it waits, as Caddy's {@code lb_try_duration} does). A node whose
 * connection is refused is skipped and the same request goes to the next one; so is a request whose connection broke
 * before any answer came (a node killed mid-request, or one closing an idle connection just as it was reused): it
 * carries an {@code Idempotency-Key}, so sending it again cannot record it twice (Go's transport, under Caddy, resends
 * such a request on its own). Any HTTP answer, a 503 included, is the answer.
 */
final class RoundRobinClient implements AutoCloseable {

    /** An HTTP answer, and the node that gave it. */
    record Answer(int status, String body, String node) {}

    static final int PROBE_EVERY_MS = 250;

    private final List<String> nodes;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    /** 1 while a node's last readiness probe answered 200. */
    private final AtomicIntegerArray ready;

    private final Thread prober;
    private final long born = System.nanoTime();
    /** Requests sent again to another node after a connection was refused. */
    final AtomicInteger connectionRetries = new AtomicInteger();
    /** Requests sent again after their connection broke before an answer (they carry their key). */
    final AtomicInteger brokenRetries = new AtomicInteger();
    /** Every change of a node's readiness, as "t=… ms node … ready|not ready", from this client's start. */
    final List<String> readinessChanges = new CopyOnWriteArrayList<>();

    RoundRobinClient(List<String> nodes) {
        this.nodes = List.copyOf(nodes);
        this.ready = new AtomicIntegerArray(nodes.size());
        probeAll();
        this.prober = Thread.ofVirtual().name("readiness-prober").start(this::probeForAWhile);
    }

    /** Probes every node until closed, for 15 minutes at most. */
    private void probeForAWhile() {
        long giveUp = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < giveUp) {
            try {
                Thread.sleep(PROBE_EVERY_MS);
            } catch (InterruptedException closed) {
                return;
            }
            probeAll();
        }
    }

    private void probeAll() {
        for (int i = 0; i < nodes.size(); i++) {
            boolean up;
            try {
                HttpResponse<Void> answer = http.send(
                        HttpRequest.newBuilder(URI.create(nodes.get(i) + "/health/ready"))
                                .timeout(Duration.ofSeconds(1))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                up = answer.statusCode() == 200;
            } catch (IOException unreachable) {
                up = false;
            } catch (InterruptedException closed) {
                Thread.currentThread().interrupt();
                return;
            }
            int was = ready.getAndSet(i, up ? 1 : 0);
            if (was != (up ? 1 : 0)) {
                readinessChanges.add(
                        String.format("t=%6d ms %s %s", millisSinceStart(), nodes.get(i), up ? "ready" : "not ready"));
            }
        }
    }

    long millisSinceStart() {
        return (System.nanoTime() - born) / 1_000_000;
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
        while (System.nanoTime() < giveUp) {
            Optional<String> node = nextReady();
            if (node.isEmpty()) {
                Thread.sleep(20); // no node is ready: wait for one, as a proxy does within its try duration
                continue;
            }
            try {
                HttpResponse<String> response = http.send(
                        request.uri(URI.create(node.get() + path)).build(), HttpResponse.BodyHandlers.ofString());
                return Optional.of(new Answer(response.statusCode(), response.body(), node.get()));
            } catch (ConnectException refused) {
                connectionRetries.incrementAndGet();
                ready.set(nodes.indexOf(node.get()), 0); // until its next probe, as a proxy's passive check does
                Thread.sleep(20);
            } catch (IOException broken) {
                brokenRetries.incrementAndGet();
            }
        }
        return Optional.empty();
    }

    private Optional<String> nextReady() {
        List<String> up = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            if (ready.get(i) == 1) {
                up.add(nodes.get(i));
            }
        }
        return up.isEmpty() ? Optional.empty() : Optional.of(up.get(Math.floorMod(next.getAndIncrement(), up.size())));
    }

    @Override
    public void close() throws InterruptedException {
        prober.interrupt();
        prober.join(Duration.ofSeconds(5));
    }
}

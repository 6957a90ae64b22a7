package bullion.web;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.persistence.DatabaseSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients that hold connections open cannot stop the server answering everyone else. */
class SlowClientsTest {

    private static final int ADDRESSES = 3;
    private static final int PER_ADDRESS = 30;
    private static final int PER_CLIENT_CAP = 8;
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    @TempDir
    Path data;

    /** A slow client's socket and when the server closed it (-1 while open). */
    private static final class Slow {
        final SocketChannel socket;
        long closedAfterMillis = -1;

        Slow(SocketChannel socket) {
            this.socket = socket;
        }
    }

    @Test
    void slowlorisConnectionsAreCappedPerClientAndClosedAtTheRequestDeadlineWhileGetHomeAnswers() throws Exception {
        WebSettings settings = WebSettings.defaults()
                .withPort(0)
                .withLimits(WebSettings.defaults().limits().withConnections(200, PER_CLIENT_CAP, 32, DEADLINE));
        try (TestServer server = TestServer.start(DatabaseSettings.h2File(data), settings)) {
            int port = server.web().port();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            List<Slow> slow = new ArrayList<>();
            long start = System.nanoTime();
            // Other loopback addresses (Linux routes all of 127/8 to lo) are other clients; the test's GETs come from
            // 127.0.0.1.
            for (int a = 0; a < ADDRESSES; a++) {
                for (int i = 0; i < PER_ADDRESS; i++) {
                    SocketChannel socket = SocketChannel.open();
                    socket.bind(new InetSocketAddress("127.0.0." + (2 + a), 0));
                    socket.connect(new InetSocketAddress("127.0.0.1", port));
                    socket.configureBlocking(false);
                    slow.add(new Slow(socket));
                    send(socket, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
                }
            }
            long worstMillis = 0;
            int answered = 0;
            // Each round every slow client sends one more header line, far inside any idle timeout, and GET / must
            // answer.
            long until = System.nanoTime() + DEADLINE.plusSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                for (Slow s : slow) {
                    if (s.closedAfterMillis < 0 && (!send(s.socket, "X-Slow: 1\r\n") || closedByServer(s.socket))) {
                        s.closedAfterMillis =
                                Duration.ofNanos(System.nanoTime() - start).toMillis();
                    }
                }
                long before = System.nanoTime();
                HttpResponse<String> home = http.send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(home.statusCode()).isEqualTo(200);
                answered++;
                worstMillis = Math.max(
                        worstMillis,
                        Duration.ofNanos(System.nanoTime() - before).toMillis());
                Thread.sleep(250); // a slow client's pace, not a wait for the server
            }
            // The deadline counts from a request's first byte, sent as the connection opened: nothing it closes goes
            // sooner.
            long refusedAtOnce = slow.stream()
                    .filter(s -> s.closedAfterMillis >= 0 && s.closedAfterMillis < DEADLINE.toMillis())
                    .count();
            long closedAtDeadline = slow.stream()
                    .filter(s -> s.closedAfterMillis >= DEADLINE.toMillis())
                    .count();
            long stillOpen = slow.stream().filter(s -> s.closedAfterMillis < 0).count();
            long lastClosed =
                    slow.stream().mapToLong(s -> s.closedAfterMillis).max().orElse(-1);
            System.out.printf(
                    "slowloris: %d slow connections from %d addresses (cap %d per client, deadline %d s): %d "
                            + "closed at once, %d closed at the deadline (the last after %d ms), %d still open; GET / answered %d "
                            + "times, the slowest in %d ms%n",
                    slow.size(),
                    ADDRESSES,
                    PER_CLIENT_CAP,
                    DEADLINE.toSeconds(),
                    refusedAtOnce,
                    closedAtDeadline,
                    lastClosed,
                    stillOpen,
                    answered,
                    worstMillis);
            slow.forEach(s -> close(s.socket));

            assertThat(stillOpen).isZero();
            assertThat(closedAtDeadline)
                    .as("the connections each client may hold")
                    .isEqualTo(ADDRESSES * PER_CLIENT_CAP);
            assertThat(lastClosed).isLessThan(DEADLINE.plusSeconds(3).toMillis());
            assertThat(worstMillis).isLessThan(1_000);
        }
    }

    @Test
    void aClosedConnectionGivesItsClientsSlotBackSoManyShortConnectionsInARowAllAnswer() throws Exception {
        WebSettings settings = WebSettings.defaults()
                .withPort(0)
                .withLimits(WebSettings.defaults().limits().withConnections(200, 2, 32, DEADLINE));
        try (TestServer server = TestServer.start(DatabaseSettings.h2File(data), settings)) {
            int port = server.web().port();
            // Ten times the cap, one after another. The server counts a connection closed a moment after the client
            // sees it close, so a refused one is tried again for up to 2 s; a leaked count would refuse for good.
            for (int i = 0; i < 20; i++) {
                long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                String status = getHome(port);
                while (!status.startsWith("HTTP/1.1 200") && System.nanoTime() < until) {
                    Thread.sleep(50);
                    status = getHome(port);
                }
                assertThat(status).as("connection %d", i + 1).startsWith("HTTP/1.1 200");
            }
        }
    }

    /** GET / on a connection of its own, read to the end: the status line, or "" if the server closed it unanswered. */
    private static String getHome(int port) throws IOException {
        try (SocketChannel socket = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            if (!send(socket, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")) {
                return "";
            }
            ByteBuffer head = ByteBuffer.allocate(64);
            try {
                while (head.hasRemaining() && socket.read(head) > 0) {
                    // the status line is within the first 64 bytes
                }
            } catch (IOException reset) {
                // refused: closed by the server
            }
            return new String(head.array(), 0, head.position(), StandardCharsets.US_ASCII);
        }
    }

    /** False once the server has closed the connection. */
    private static boolean send(SocketChannel socket, String text) {
        try {
            socket.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** The server closed it: end of stream or a reset; a read that finds nothing yet returns 0 at once. */
    private static boolean closedByServer(SocketChannel socket) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            int read;
            while ((read = socket.read(buffer)) > 0) {
                buffer.clear(); // whatever Jetty wrote before closing
            }
            return read < 0;
        } catch (IOException reset) {
            return true;
        }
    }

    private static void close(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed by the server
        }
    }
}

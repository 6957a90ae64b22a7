package bullion.web;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.persistence.DatabaseSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of new connections the server cannot accept yet waits in the kernel's queue instead of having its handshakes
 * dropped (which a client sees as a connect that takes TCP's one-second retransmission timeout, or longer). With the
 * connection cap at one, Jetty accepts the first connection and no more, so every further one is in that queue: with
 * Java's default backlog of 50 only about 51 of them would complete.
 */
class AcceptQueueTest {

    /** Above Java's default backlog, below the smallest {@code somaxconn} a Linux kernel has shipped with (128). */
    private static final int BURST = 120;

    private static final Duration CONNECT = Duration.ofMillis(750);

    @TempDir
    Path data;

    @Test
    void connectionsBeyondJavasDefaultBacklogAreQueuedNotDropped() throws Exception {
        WebSettings settings = WebSettings.defaults()
                .withPort(0)
                .withLimits(WebSettings.defaults().limits().withConnections(1, BURST + 1, 32, Duration.ofSeconds(30)));
        List<Socket> sockets = new ArrayList<>();
        try (TestServer server = TestServer.start(DatabaseSettings.h2File(data), settings)) {
            InetSocketAddress address =
                    new InetSocketAddress("127.0.0.1", server.web().port());
            int connected = 0;
            int timedOut = 0;
            for (int i = 0; i <= BURST; i++) {
                Socket socket = new Socket();
                sockets.add(socket);
                try {
                    socket.connect(address, (int) CONNECT.toMillis());
                    connected++;
                } catch (SocketTimeoutException dropped) {
                    timedOut++;
                }
            }
            System.out.printf(
                    "accept queue: %d connections opened at once with the server accepting one: %d connected, "
                            + "%d timed out after %d ms%n",
                    BURST + 1, connected, timedOut, CONNECT.toMillis());
            assertThat(connected).isEqualTo(BURST + 1);
        } finally {
            for (Socket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the test's own sockets, closed after the verdict
        }
    }
}

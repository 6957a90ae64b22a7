package bullion.web;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Jetty's settings alone do not bound: connections per client (a further one is closed as it opens), and how
 * long a request may take to arrive. Jetty's idle timeout restarts with every byte, so a client trickling a header
 * line every few seconds (slowloris) would hold its connection for ever; once a second, a connection whose parser
 * has been inside one request (head or body) for longer than the deadline is closed. The total is Jetty's own
 * {@link NetworkConnectionLimit}, which stops accepting at the cap.
 */
final class Connections extends AbstractLifeCycle implements Connection.Listener {

    private static final Logger AUDIT = LoggerFactory.getLogger("bullion.audit");

    private final Server server;
    private final int perClient;
    private final long deadlineNanos;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    /** Whose each connection is, as counted when it opened: a closed endpoint may no longer say its address. */
    private final Map<Connection, String> clientOf = new ConcurrentHashMap<>();

    private final Map<Connection, Long> receivingSince = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "request-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private Connections(Server server, int perClient, Duration deadline) {
        this.server = server;
        this.perClient = perClient;
        this.deadlineNanos = deadline.toNanos();
    }

    /** Behind a trusted proxy every connection is the proxy's, so only the total is capped. */
    static void install(Server server, WebSettings settings) {
        WebSettings.Limits limits = settings.limits();
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
        server.addBean(new Connections(
                server,
                settings.trustProxy() ? Integer.MAX_VALUE : limits.maxConnectionsPerClient(),
                limits.requestDeadline()));
    }

    @Override
    protected void doStart() {
        // Jetty starts its connectors after the server's other beans, so every connection gets this listener.
        for (Connector connector : server.getConnectors()) {
            connector.addEventListener(this);
        }
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    protected void doStop() {
        sweeper.shutdownNow();
    }

    @Override
    public void onOpened(Connection connection) {
        String client = client(connection);
        clientOf.put(connection, client);
        if (open.merge(client, 1, Integer::sum) > perClient) {
            AUDIT.info("connection refused: client {} already has {} open", client, perClient);
            // Once Jetty has finished opening it: a connection closed from inside onOpened was seen to stay open.
            sweeper.execute(() -> connection.getEndPoint().close());
        }
    }

    @Override
    public void onClosed(Connection connection) {
        receivingSince.remove(connection);
        String client = clientOf.remove(connection);
        if (client != null) {
            open.computeIfPresent(client, (key, count) -> count == 1 ? null : count - 1);
        }
    }

    private static String client(Connection connection) {
        return connection.getEndPoint().getRemoteSocketAddress() instanceof InetSocketAddress remote
                        && remote.getAddress() != null
                ? ClientAddress.key(remote.getAddress().getHostAddress())
                : "";
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Connector connector : server.getConnectors()) {
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                // Jetty's HTTP/1.1 connection is internal API, but its parser's state is the one place that says a
                // request
                // is half received; a handler that waits for its table has read the request already.
                if (endPoint.getConnection() instanceof HttpConnection http && receiving(http.getParser())) {
                    if (now - receivingSince.computeIfAbsent(http, c -> now) > deadlineNanos) {
                        AUDIT.info(
                                "connection closed: client {} took over {} s to send a request",
                                client(http),
                                Duration.ofNanos(deadlineNanos).toSeconds());
                        endPoint.close();
                    }
                } else if (endPoint.getConnection() != null) {
                    receivingSince.remove(endPoint.getConnection());
                }
            }
        }
    }

    private static boolean receiving(HttpParser parser) {
        int state = parser.getState().ordinal();
        return state > HttpParser.State.START.ordinal() && state < HttpParser.State.END.ordinal();
    }
}

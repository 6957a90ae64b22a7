package bullion.web;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The server's one HTTP/1.1 connector, as Javalin would make it, but with a deeper accept queue. Java listens with a
 * backlog of 50: past that, a burst of new connections (phones reconnecting after a restart, a load balancer filling
 * its pool, a client opening more while the server is paused) has its handshakes dropped by the kernel, and each
 * client tries again only after TCP's one-second retransmission timeout. The kernel caps the queue at
 * {@code net.core.somaxconn} (4,096 on current Linux). While the connection cap holds Jetty from accepting, queued
 * connections wait in the kernel, as they did before, only more of them.
 */
final class Listener {

    static final int ACCEPT_QUEUE = 1024;

    private Listener() {}

    static ServerConnector of(Server server, HttpConfiguration http, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        return connector;
    }
}

package bullion.app.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Three Bullion nodes of one cluster over one PostgreSQL database made for the test (on 127.0.0.1:5432, dropped
 * afterwards; without a server the test is skipped, except on CI). Every node lists all three as seed nodes, the first
 * first, as docs/deploy.md tells an operator to.
 */
final class ThreeNodes implements AutoCloseable {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    /** The lowest port {@link #freePort} picks: above the registered services most machines run. */
    private static final int LOWEST_CHOSEN_PORT = 20_000;

    final List<BullionNode> nodes = new ArrayList<>();
    final Map<String, String> homes = BullionNode.sharedHomes();
    private final String database;

    private ThreeNodes(String database) {
        this.database = database;
    }

    static ThreeNodes start() throws Exception {
        String database = "bullion_cluster_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException unreachable) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL must be running on CI at " + ADMIN_URL, unreachable);
            }
            assumeTrue(false, "no PostgreSQL at " + ADMIN_URL + ": " + unreachable.getMessage());
        }
        ThreeNodes cluster = new ThreeNodes(database);
        try {
            int[] http = {freePort(), freePort(), freePort()};
            int[] remoting = {freePort(), freePort(), freePort()};
            String seeds = String.join(
                    ",",
                    "pekko://bullion@127.0.0.1:" + remoting[0],
                    "pekko://bullion@127.0.0.1:" + remoting[1],
                    "pekko://bullion@127.0.0.1:" + remoting[2]);
            Map<String, String> env = new HashMap<>();
            env.put("BULLION_DB_URL", ADMIN_URL.replaceFirst("/postgres$", "/" + database));
            env.put("BULLION_DB_USER", "postgres");
            env.put("BULLION_DB_PASSWORD", "");
            env.put("BULLION_SEED_NODES", seeds);
            // The test is one client on one address sending hundreds of changes a second: lift the per-client limits.
            env.put("BULLION_RATE_LIMIT_BURST", "1000000");
            env.put("BULLION_RATE_LIMIT_PER_SECOND", "1000000");
            env.put("BULLION_RATE_LIMIT_TABLE_OPENS_PER_MINUTE", "100000");
            for (int i = 0; i < 3; i++) {
                cluster.nodes.add(new BullionNode("node" + (i + 1), http[i], remoting[i], env, cluster.homes));
            }
            // The first seed forms the cluster (and is its oldest node, so it holds the shard coordinator), then the
            // others join: three JVMs starting at once on two cores starved each other's heartbeats for seconds.
            BullionNode first = cluster.nodes.getFirst();
            first.start();
            first.awaitRunning(Duration.ofSeconds(180));
            for (BullionNode node : cluster.nodes.subList(1, 3)) {
                node.start();
            }
            for (BullionNode node : cluster.nodes) {
                node.awaitRunning(Duration.ofSeconds(180));
            }
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    List<String> baseUrls() {
        return nodes.stream().map(BullionNode::baseUrl).toList();
    }

    @Override
    public void close() throws SQLException {
        nodes.forEach(BullionNode::destroy);
        for (BullionNode node : nodes) {
            try {
                node.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /**
     * A port nothing listens on now, below the kernel's range of ephemeral ports where there is room. A port from that
     * range (what {@code new ServerSocket(0)} gives) can be taken as the local end of any outgoing connection, such as
     * the first node's pool to PostgreSQL, in the seconds before the node it was chosen for starts: on CI, 1 Dec, node2
     * could not bind its cluster port three times over ("Address already in use").
     */
    private static int freePort() throws IOException {
        int ephemeralFrom = ephemeralPortsFrom();
        if (ephemeralFrom > LOWEST_CHOSEN_PORT + 1_000) {
            for (int attempt = 0; attempt < 100; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST_CHOSEN_PORT, ephemeralFrom);
                try (ServerSocket socket = new ServerSocket(port)) {
                    return socket.getLocalPort();
                } catch (IOException taken) {
                    // Another process listens there: try another.
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The first of the kernel's ephemeral ports (Linux's default where it does not say). */
    private static int ephemeralPortsFrom() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return 32_768;
        }
    }
}

package bullion.engine;

import bullion.engine.persistence.DatabaseSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the table servers need to start: the journal's database, how tables are kept, and where this
 * node sits in the cluster. An empty {@code seedNodes} means a single node that joins itself.
 *
 * @param askTimeout how long a caller waits for a table. A change must reach its table within the first three fifths
 *     ({@link #deadlineBudget}) or it is dropped unrecorded; a journal write is given {@link #journalCallTimeout}; so a
 *     caller who gives up has not had its change recorded (ARCHITECTURE.md, Faults).
 * @param minBackoff how long a crashed table waits before its first restart; repeated crashes wait longer, up
 *     to {@code maxBackoff}.
 * @param databaseWait how long start-up keeps trying to reach the database before it gives up; zero gives up at once.
 */
public record EngineSettings(
        DatabaseSettings database,
        int snapshotEvery,
        Duration passivateAfter,
        Duration askTimeout,
        Duration minBackoff,
        Duration maxBackoff,
        String clusterHost,
        int clusterPort,
        List<String> seedNodes,
        Duration databaseWait) {

    public EngineSettings {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(passivateAfter, "passivateAfter");
        Objects.requireNonNull(askTimeout, "askTimeout");
        Objects.requireNonNull(minBackoff, "minBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(clusterHost, "clusterHost");
        Objects.requireNonNull(databaseWait, "databaseWait");
        seedNodes = List.copyOf(seedNodes);
        if (askTimeout.compareTo(Duration.ofMillis(500)) < 0) {
            throw new IllegalArgumentException("askTimeout must be at least 500 ms");
        }
        if (databaseWait.isNegative()) {
            throw new IllegalArgumentException("databaseWait must not be negative");
        }
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be at least 1");
        }
    }

    /**
     * A single node that joins itself, with every engine default. This is their one home: the app's environment
     * overrides only what is set, and {@code bullion-engine.conf} leaves these values to {@link EngineConfig}.
     */
    public static EngineSettings singleNode(DatabaseSettings database) {
        return new EngineSettings(
                database,
                100,
                Duration.ofMinutes(30),
                Duration.ofSeconds(10),
                Duration.ofMillis(200),
                Duration.ofSeconds(1),
                "127.0.0.1",
                0,
                List.of(),
                Duration.ZERO);
    }

    /**
     * How long after a caller asks its change may still be decided: three fifths of the ask timeout. A table drops a
     * change that reaches it later, unrecorded, because by the time the write finished its caller might have stopped
     * waiting.
     */
    public Duration deadlineBudget() {
        return askTimeout.multipliedBy(3).dividedBy(5);
    }

    /**
     * How long one attempt to reach a table waits before the facade asks again (within the same deadline and, for a
     * change, the same request id): a fifth of the ask timeout, 2 s. A message sent to a node that died, or to a table
     * in the moment it moves between nodes, is lost; asking again finds the table's new home (ARCHITECTURE.md, Cluster
     * and failover). Long enough that a healthy answer is never asked for twice, and a change is sent at most three
     * times before its deadline (at 0, 2 and 4 s), so a slow table is not flooded with copies.
     */
    public Duration askAgainAfter() {
        return askTimeout.dividedBy(5);
    }

    /**
     * The journal's circuit-breaker call timeout: three tenths of the ask timeout, so a change decided at its deadline
     * has its write succeed or fail before the caller stops waiting, with a tenth of the ask timeout to spare.
     */
    public Duration journalCallTimeout() {
        return askTimeout.multipliedBy(3).dividedBy(10);
    }

    public EngineSettings withSnapshotEvery(int events) {
        return new EngineSettings(
                database,
                events,
                passivateAfter,
                askTimeout,
                minBackoff,
                maxBackoff,
                clusterHost,
                clusterPort,
                seedNodes,
                databaseWait);
    }

    public EngineSettings withPassivateAfter(Duration idle) {
        return new EngineSettings(
                database,
                snapshotEvery,
                idle,
                askTimeout,
                minBackoff,
                maxBackoff,
                clusterHost,
                clusterPort,
                seedNodes,
                databaseWait);
    }

    public EngineSettings withAskTimeout(Duration timeout) {
        return new EngineSettings(
                database,
                snapshotEvery,
                passivateAfter,
                timeout,
                minBackoff,
                maxBackoff,
                clusterHost,
                clusterPort,
                seedNodes,
                databaseWait);
    }

    /**
     * Where this node listens for other nodes and which nodes it contacts to join. The first seed node must list
     * itself first to start a new cluster; the others join it.
     */
    public EngineSettings withCluster(String host, int port, List<String> seeds) {
        return new EngineSettings(
                database,
                snapshotEvery,
                passivateAfter,
                askTimeout,
                minBackoff,
                maxBackoff,
                host,
                port,
                seeds,
                databaseWait);
    }

    /** How long start-up keeps retrying an unreachable database (zero: stop at once with one sentence saying why). */
    public EngineSettings withDatabaseWait(Duration wait) {
        return new EngineSettings(
                database,
                snapshotEvery,
                passivateAfter,
                askTimeout,
                minBackoff,
                maxBackoff,
                clusterHost,
                clusterPort,
                seedNodes,
                wait);
    }
}

package bullion.engine;

import bullion.engine.persistence.DatabaseSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the table servers need to start: the journal's database, how tables are kept, and where this
 * node sits in the cluster. An empty {@code seedNodes} means a single node that joins itself.
 *
 * @param minBackoff how long a crashed table waits before its first restart; repeated crashes wait longer, up
 *     to {@code maxBackoff}.
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
    List<String> seedNodes) {

  public EngineSettings {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(passivateAfter, "passivateAfter");
    Objects.requireNonNull(askTimeout, "askTimeout");
    Objects.requireNonNull(minBackoff, "minBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(clusterHost, "clusterHost");
    seedNodes = List.copyOf(seedNodes);
    if (snapshotEvery < 1) {
      throw new IllegalArgumentException("snapshotEvery must be at least 1");
    }
  }

  /**
   * A single node that joins itself, with every engine default. This is their one home: the app's environment
   * overrides only what is set, and {@code bullion-engine.conf} leaves these values to {@link EngineConfig}.
   */
  public static EngineSettings singleNode(DatabaseSettings database) {
    return new EngineSettings(database, 100, Duration.ofMinutes(30), Duration.ofSeconds(10), Duration.ofMillis(200),
        Duration.ofSeconds(5), "127.0.0.1", 0, List.of());
  }

  public EngineSettings withSnapshotEvery(int events) {
    return new EngineSettings(database, events, passivateAfter, askTimeout, minBackoff, maxBackoff, clusterHost,
        clusterPort, seedNodes);
  }

  public EngineSettings withPassivateAfter(Duration idle) {
    return new EngineSettings(database, snapshotEvery, idle, askTimeout, minBackoff, maxBackoff, clusterHost,
        clusterPort, seedNodes);
  }

  public EngineSettings withAskTimeout(Duration timeout) {
    return new EngineSettings(database, snapshotEvery, passivateAfter, timeout, minBackoff, maxBackoff, clusterHost,
        clusterPort, seedNodes);
  }

  /**
   * Where this node listens for other nodes and which nodes it contacts to join. The first seed node must list
   * itself first to start a new cluster; the others join it.
   */
  public EngineSettings withCluster(String host, int port, List<String> seeds) {
    return new EngineSettings(database, snapshotEvery, passivateAfter, askTimeout, minBackoff, maxBackoff, host, port,
        seeds);
  }
}

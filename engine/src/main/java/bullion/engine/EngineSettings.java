package bullion.engine;

import bullion.engine.entity.Rules;
import bullion.engine.persistence.DatabaseSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the table servers need to start: the journal's database, how tables are kept, and where this
 * node sits in the cluster. An empty {@code seedNodes} means a single node that joins itself.
 */
public record EngineSettings(
    DatabaseSettings database,
    int snapshotEvery,
    Duration passivateAfter,
    Duration askTimeout,
    String clusterHost,
    int clusterPort,
    List<String> seedNodes,
    Rules rules,
    Clock clock) {

  public EngineSettings {
    Objects.requireNonNull(database, "database");
    seedNodes = List.copyOf(seedNodes);
    if (snapshotEvery < 1) {
      throw new IllegalArgumentException("snapshotEvery must be at least 1");
    }
  }

  /** A single node on 127.0.0.1 with the defaults: snapshot every 100 events, passivate after 30 idle minutes. */
  public static EngineSettings singleNode(DatabaseSettings database) {
    return new EngineSettings(database, 100, Duration.ofMinutes(30), Duration.ofSeconds(10), "127.0.0.1", 0,
        List.of(), Rules.CORE, Clock.systemUTC());
  }

  public EngineSettings withSnapshotEvery(int events) {
    return new EngineSettings(database, events, passivateAfter, askTimeout, clusterHost, clusterPort, seedNodes, rules, clock);
  }

  public EngineSettings withPassivateAfter(Duration idle) {
    return new EngineSettings(database, snapshotEvery, idle, askTimeout, clusterHost, clusterPort, seedNodes, rules, clock);
  }

  public EngineSettings withAskTimeout(Duration timeout) {
    return new EngineSettings(database, snapshotEvery, passivateAfter, timeout, clusterHost, clusterPort, seedNodes, rules, clock);
  }

  /**
   * Where this node listens for other nodes and which nodes it contacts to join. The first seed node must list
   * itself first to start a new cluster; the others join it.
   */
  public EngineSettings withCluster(String host, int port, List<String> seeds) {
    return new EngineSettings(database, snapshotEvery, passivateAfter, askTimeout, host, port, seeds, rules, clock);
  }

  public EngineSettings withRules(Rules newRules) {
    return new EngineSettings(database, snapshotEvery, passivateAfter, askTimeout, clusterHost, clusterPort, seedNodes,
        newRules, clock);
  }
}

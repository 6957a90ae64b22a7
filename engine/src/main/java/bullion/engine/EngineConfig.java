package bullion.engine;

import bullion.engine.persistence.DatabaseSettings;
import bullion.engine.persistence.GatedH2DataSource;
import bullion.engine.persistence.SqliteDataSource;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.Map;

/** Turns {@link EngineSettings} into the Pekko configuration, on top of {@code bullion-engine.conf}. */
final class EngineConfig {

    private EngineConfig() {}

    static Config of(EngineSettings settings) {
        String db = "pekko-persistence-jdbc.shared-databases.bullion.";
        Map<String, Object> values = new HashMap<>();
        values.put(db + "profile", settings.database().kind().slickProfile());
        if (settings.database().kind() == DatabaseSettings.Kind.H2) {
            // The pool joins only the database JournalHealth holds open and never reopens the file itself (see there).
            values.put(db + "db.dataSourceClass", GatedH2DataSource.class.getName());
            values.put(db + "db.properties.url", settings.database().url());
        } else if (settings.database().kind() == DatabaseSettings.Kind.SQLITE) {
            // The driver's data source with a busy handler that tries again within a millisecond (see there).
            values.put(db + "db.dataSourceClass", SqliteDataSource.class.getName());
            values.put(db + "db.properties.url", settings.database().url());
        } else {
            values.put(db + "db.url", settings.database().url());
            values.put(db + "db.driver", settings.database().kind().driver());
        }
        values.put(db + "db.user", settings.database().user());
        values.put(db + "db.password", settings.database().password());
        // A journal write ends (or fails) within the call timeout, well before the caller's ask times out.
        String callTimeout = settings.journalCallTimeout().toMillis() + "ms";
        values.put("jdbc-journal.circuit-breaker.call-timeout", callTimeout);
        values.put("jdbc-snapshot-store.circuit-breaker.call-timeout", callTimeout);
        if (settings.database().kind() == DatabaseSettings.Kind.POSTGRES) {
            // The driver's own bounds, so a statement on a stalled server ends too instead of finishing much later.
            long seconds = Math.max(1, settings.journalCallTimeout().toSeconds());
            values.put(db + "db.properties.socketTimeout", String.valueOf(seconds));
            values.put(db + "db.properties.connectTimeout", "1");
            values.put(db + "db.properties.loginTimeout", String.valueOf(seconds));
            values.put(db + "db.properties.tcpKeepAlive", "true");
        }
        if (settings.database().kind() != DatabaseSettings.Kind.POSTGRES) {
            // One journal write at a time, and everything that queued behind it in the next: an embedded database
            // commits one transaction at a time anyway (H2 under its store lock, SQLite under its write lock), and
            // each commit rewrites its B-tree pages and syncs them, so eight small concurrent commits cost far more
            // than one large one. Measured on H2, 100 tables (bench `writes`, 64 clients): 754 -> 1,115 changes/s,
            // 2.03 -> 1.33 ms of CPU per change.
            values.put("jdbc-journal.parallelism", 1);
        } else {
            // PostgreSQL: two writes in flight, the rest batched behind them. Its commits do share a WAL flush, but
            // eight small ones cost the server more CPU than two larger ones (BENCHMARKS.md, "Writes on PostgreSQL":
            // 100 tables 2,045-2,296 -> 2,583-3,758 changes/s; 1,000 tables the same rate on a third less of
            // PostgreSQL's CPU). Each change is still answered only after the commit that holds its own event.
            values.put("jdbc-journal.parallelism", 2);
        }
        if (settings.database().kind() == DatabaseSettings.Kind.H2) {
            // After a failed write (a full disk) H2 closes the database, yet isValid stays true on its connections: a
            // pooled connection is checked with a statement instead, so those are replaced and H2 can reopen the file.
            values.put(db + "db.connectionTestQuery", "SELECT 1");
        }
        // The standings' projection writes its offset with SQL of the journal's database (GroupSystem). SQLite takes
        // the PostgreSQL dialect: plain SELECT, INSERT and UPDATE on quoted lower-case names, which SQLite accepts.
        values.put(
                "pekko.projection.jdbc.dialect",
                settings.database().kind() == DatabaseSettings.Kind.H2 ? "h2-dialect" : "postgres-dialect");
        values.put("pekko.remote.artery.canonical.hostname", settings.clusterHost());
        values.put("pekko.remote.artery.canonical.port", settings.clusterPort());
        values.put("pekko.cluster.seed-nodes", settings.seedNodes());
        values.put(
                "pekko.cluster.sharding.passivation.default-idle-strategy.idle-entity.timeout",
                settings.passivateAfter().toMillis() + "ms");
        return ConfigFactory.load(
                ConfigFactory.parseMap(values).withFallback(ConfigFactory.parseResources("bullion-engine.conf")));
    }
}

package bullion.engine.standings;

import bullion.core.group.Night;
import bullion.engine.persistence.DatabaseSettings;
import bullion.engine.persistence.GatedH2DataSource;
import bullion.engine.persistence.SqliteDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The read side's database: a small pool of its own on the journal's database (the embedded file through the same
 * gate as the journal's pool), the projection's sessions, and the reads of the group page.
 */
public final class StandingsStore implements AutoCloseable {

    /** The projection writes with one session at a time; the rest serve the group pages' reads. */
    static final int POOL_SIZE = 4;

    private final HikariDataSource pool;
    private final DatabaseSettings.Kind kind;

    public StandingsStore(DatabaseSettings database) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bullion-standings");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(500);
        // Start even while the database is away: the projection retries with backoff, reads fail with a sentence.
        config.setInitializationFailTimeout(-1);
        config.setUsername(database.user());
        config.setPassword(database.password());
        if (database.kind() == DatabaseSettings.Kind.H2) {
            GatedH2DataSource h2 = new GatedH2DataSource();
            h2.setUrl(database.url());
            h2.setUser(database.user());
            h2.setPassword(database.password());
            config.setDataSource(h2);
            config.setConnectionTestQuery("SELECT 1");
        } else if (database.kind() == DatabaseSettings.Kind.SQLITE) {
            SqliteDataSource sqlite = new SqliteDataSource();
            sqlite.setUrl(database.url());
            config.setDataSource(sqlite);
        } else {
            config.setJdbcUrl(database.url());
        }
        this.pool = new HikariDataSource(config);
        this.kind = database.kind();
    }

    StandingsSession session() {
        return new StandingsSession(pool);
    }

    /**
     * Every closed night of the group, as the projection has them now.
     *
     * @throws Unavailable when the database cannot be read (busy, not broken: a later read may succeed)
     */
    public List<Night> nights(String groupId) {
        try (Connection c = pool.getConnection()) {
            return NightRows.nights(c, groupId);
        } catch (SQLException e) {
            throw new Unavailable("the standings could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The group a table was opened in, as its first event registered it; empty for a table in no group. Read in a
     * transaction of its own, not the projection's (StandingsHandler says why).
     *
     * @throws Unavailable when the database cannot be read
     */
    Optional<String> groupOf(String tableId) {
        try (Connection c = pool.getConnection()) {
            return NightRows.groupOf(c, tableId);
        } catch (SQLException e) {
            throw new Unavailable("the group of table " + tableId + " could not be read: " + e.getMessage(), e);
        }
    }

    /** The read side's database cannot be used just now. */
    public static final class Unavailable extends IllegalStateException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Whether the projection has applied every event tagged {@code tag} that the journal holds now: its stored offset
     * (the journal's ordering of the last event it applied) has reached the last tagged event's ordering.
     */
    boolean caughtUp(String tag, String projectionName) {
        boolean h2 = kind == DatabaseSettings.Kind.H2;
        String lastTagged = h2
                ? "SELECT COALESCE(MAX(\"event_id\"), 0) FROM \"event_tag\" WHERE \"tag\" = ?"
                : "SELECT COALESCE(MAX(event_id), 0) FROM event_tag WHERE tag = ?";
        String offset = h2
                ? "SELECT \"current_offset\" FROM \"pekko_projection_offset_store\" WHERE \"projection_name\" = ?"
                : "SELECT current_offset FROM pekko_projection_offset_store WHERE projection_name = ?";
        try (Connection c = pool.getConnection()) {
            long last;
            try (var query = c.prepareStatement(lastTagged)) {
                query.setString(1, tag);
                try (var rows = query.executeQuery()) {
                    rows.next();
                    last = rows.getLong(1);
                }
            }
            long applied = 0;
            try (var query = c.prepareStatement(offset)) {
                query.setString(1, projectionName);
                try (var rows = query.executeQuery()) {
                    if (rows.next()) {
                        applied = Long.parseLong(rows.getString(1));
                    }
                }
            }
            return applied >= last;
        } catch (SQLException e) {
            throw new IllegalStateException("the standings' progress could not be read: " + e.getMessage(), e);
        }
    }

    /** Wipes every night and the projection's offset in one transaction. */
    void wipe(String projectionName) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                NightRows.wipe(
                        c,
                        kind == DatabaseSettings.Kind.H2 ? NightRows.OFFSET_TABLE_H2 : "pekko_projection_offset_store",
                        projectionName);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}

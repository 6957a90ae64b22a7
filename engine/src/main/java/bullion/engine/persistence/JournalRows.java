package bullion.engine.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The journal's rows read and deleted with plain SQL, for retention. pekko-persistence-jdbc 1.1 has no tool that deletes
 * a persistence id entirely: its {@code deleteMessages} keeps the highest row (payload and all) marked deleted, and the
 * cleanup tool of the Akka plugin was never ported. So this deletes the rows of one persistence id from
 * {@code event_tag}, {@code event_journal} and {@code snapshot} in one transaction, on the schema that
 * {@link JournalSchema} creates (the identifiers are lower case on both databases, so quoted names fit both). Only the
 * table's own process calls {@link #delete}, on its own thread, and stops right after: nothing writes to it meanwhile.
 */
public final class JournalRows {

    private final DatabaseSettings database;

    public JournalRows(DatabaseSettings database) {
        this.database = database;
    }

    /** Deletes every event, tag and snapshot of {@code persistenceId}, all or nothing. */
    public void delete(String persistenceId) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                update(
                        connection,
                        "DELETE FROM \"event_tag\" WHERE \"event_id\" IN (SELECT \"ordering\" FROM \"event_journal\""
                                + " WHERE \"persistence_id\" = ?)",
                        persistenceId);
                update(connection, "DELETE FROM \"event_journal\" WHERE \"persistence_id\" = ?", persistenceId);
                update(connection, "DELETE FROM \"snapshot\" WHERE \"persistence_id\" = ?", persistenceId);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete " + persistenceId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The persistence ids starting with {@code prefix} whose newest event was written before {@code cutoff}: the only
     * tables retention needs to ask, so a sweep does not start every table.
     */
    public List<String> quietSince(String prefix, Instant cutoff) {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("SELECT \"persistence_id\" FROM"
                        + " \"event_journal\" WHERE \"persistence_id\" LIKE ? ESCAPE '\\' GROUP BY \"persistence_id\""
                        + " HAVING MAX(\"write_timestamp\") < ? ORDER BY \"persistence_id\"")) {
            select.setString(1, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
            select.setLong(2, cutoff.toEpochMilli());
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the journal's quiet tables: " + e.getMessage(), e);
        }
    }

    private static void update(Connection connection, String sql, String persistenceId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, persistenceId);
            statement.executeUpdate();
        }
    }

    /**
     * The embedded file only through {@link GatedH2DataSource}, so this never reopens a file the health probe keeps
     * closed; PostgreSQL with the same bounds as the pool's.
     */
    private Connection connect() throws SQLException {
        if (database.kind() == DatabaseSettings.Kind.H2) {
            GatedH2DataSource gated = new GatedH2DataSource();
            gated.setUrl(database.url());
            return gated.getConnection(database.user(), database.password());
        }
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        properties.setProperty("password", database.password());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(database.url(), properties);
    }
}

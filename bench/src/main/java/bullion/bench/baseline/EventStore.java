package bullion.bench.baseline;

import bullion.core.Event;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The baseline's journal over plain JDBC: a row per table (its token's hash) and a row per event, keyed by
 * (table, seq), so two concurrent writers of one table cannot both append the same seq: the loser retries.
 * Events are JSON by Jackson, as Bullion's journal stores them. A fixed pool of connections, opened at start.
 */
final class EventStore implements AutoCloseable {

    private static final ObjectMapper JSON =
            new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new Jdk8Module());

    private final BlockingQueue<Connection> pool;

    EventStore(String url, String user, String password, int connections) throws SQLException {
        pool = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            Connection c = DriverManager.getConnection(url, user, password);
            c.setAutoCommit(false);
            pool.add(c);
        }
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE IF NOT EXISTS baseline_tables (id VARCHAR(32) PRIMARY KEY, token_hash VARCHAR(64) NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS baseline_events (table_id VARCHAR(32) NOT NULL, seq INT NOT NULL,"
                    + " type VARCHAR(32) NOT NULL, payload VARCHAR(2000) NOT NULL, PRIMARY KEY (table_id, seq))");
        }
    }

    /** A table's token hash and its events in order; empty if there is no such table. */
    record Stored(String tokenHash, List<Event> events) {}

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T inTransaction(Work<T> work) throws SQLException, InterruptedException {
        Connection c = pool.take();
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            pool.add(c);
        }
    }

    static Optional<Stored> load(Connection c, String table) throws SQLException {
        String hash;
        try (PreparedStatement ps = c.prepareStatement("SELECT token_hash FROM baseline_tables WHERE id = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                hash = rs.getString(1);
            }
        }
        List<Event> events = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT type, payload FROM baseline_events WHERE table_id = ? ORDER BY seq")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(decode(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return Optional.of(new Stored(hash, events));
    }

    static void create(Connection c, String table, String tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO baseline_tables (id, token_hash) VALUES (?, ?)")) {
            ps.setString(1, table);
            ps.setString(2, tokenHash);
            ps.executeUpdate();
        }
    }

    /** Appends at {@code seq} (1-based); a concurrent writer that got there first makes this throw. */
    static void append(Connection c, String table, int seq, Event event) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO baseline_events (table_id, seq, type, payload) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, table);
            ps.setInt(2, seq);
            ps.setString(3, event.getClass().getSimpleName());
            ps.setString(4, encode(event));
            ps.executeUpdate();
        }
    }

    private static String encode(Event event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Event decode(String type, String payload) {
        Class<? extends Event> kind = switch (type) {
            case "TableOpened" -> Event.TableOpened.class;
            case "PlayerJoined" -> Event.PlayerJoined.class;
            case "BoughtIn" -> Event.BoughtIn.class;
            case "CashedOut" -> Event.CashedOut.class;
            case "EntryVoided" -> Event.EntryVoided.class;
            case "TableClosed" -> Event.TableClosed.class;
            case "TableReopened" -> Event.TableReopened.class;
            default -> throw new IllegalStateException("unknown stored event " + type);
        };
        try {
            return JSON.readValue(payload, kind);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : pool) {
            c.close();
        }
    }
}

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
import java.util.concurrent.Semaphore;

/**
 * The baseline's journal over plain JDBC: a row per table (its token's hash) and a row per event, keyed by
 * (table, seq), so two concurrent writers of one table cannot both append the same seq: the loser retries.
 * Events are JSON by Jackson, as Bullion's journal stores them. A fixed pool of connections, opened at start, each
 * in auto-commit between uses. On SQLite one transaction writes at a time, the others queue here in order.
 */
final class EventStore implements AutoCloseable {

    private static final ObjectMapper JSON =
            new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new Jdk8Module());

    private final BlockingQueue<Connection> pool;
    /**
     * How many transactions may write at once: all on H2 and PostgreSQL; one on SQLite, which lets one writer in at a
     * time anyway, and whose queue for its write lock is a busy handler that polls with sleeps of up to 100 ms: with
     * 16 writers one of them waited out the 10 s busy timeout (a 503 in the set-up) while the others came and went.
     * Bullion's journal writes one transaction at a time on an embedded database too.
     */
    private final Semaphore writers;

    EventStore(String url, String user, String password, int connections) throws SQLException {
        pool = new ArrayBlockingQueue<>(connections);
        writers = new Semaphore(url.startsWith("jdbc:sqlite:") ? 1 : connections, true);
        for (int i = 0; i < connections; i++) {
            pool.add(DriverManager.getConnection(url, user, password));
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

    /**
     * Runs {@code work} in one transaction. It is committed by returning to auto-commit (JDBC commits a transaction
     * when auto-commit is switched on) rather than by {@code commit()}: SQLite's driver begins the next transaction at
     * once after a commit or a rollback, and a connection idle in the pool should hold no transaction open (an open one
     * that had read would pin its snapshot of the file).
     */
    <T> T inTransaction(Work<T> work) throws SQLException, InterruptedException {
        writers.acquire(); // before a connection, so a queued writer holds none that a read could use
        Connection c;
        try {
            c = pool.take();
        } catch (InterruptedException e) {
            writers.release();
            throw e;
        }
        try {
            c.setAutoCommit(false);
            T result = work.run(c);
            c.setAutoCommit(true);
            return result;
        } catch (SQLException | RuntimeException e) {
            if (!c.getAutoCommit()) { // not when the transaction could not even begin
                c.rollback();
                c.setAutoCommit(true);
            }
            throw e;
        } finally {
            pool.add(c);
            writers.release();
        }
    }

    /**
     * Runs {@code work}, which only reads, in auto-commit, outside the writers' queue: SQLite's WAL lets reads go on
     * beside a write, and a view needs no transaction to begin and end.
     * A table's token hash never changes, so its two reads need not see one snapshot.
     */
    <T> T read(Work<T> work) throws SQLException, InterruptedException {
        Connection c = pool.take();
        try {
            return work.run(c);
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

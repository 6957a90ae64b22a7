package bullion.engine.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.h2.api.ErrorCode;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.store.fs.FilePath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node's journal can take a write, probed every {@code every} on a thread of its own: one connection,
 * validated with a bounded wait; on an embedded file (H2's or SQLite's) also the free space of its disk, so writes are
 * refused cleanly before the disk is full rather than failing inside the store, and on SQLite's that a file can be
 * written beside it. The facade asks {@link #problem()} before every change and refuses at once while there is one,
 * instead of letting the caller wait out its timeout.
 */
public final class JournalHealth implements AutoCloseable {

    /** Below this much free space on the embedded file's disk, writes are refused. */
    public static final long MIN_FREE_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(JournalHealth.class);
    private static final int TIMEOUT_SECONDS = 1;
    /** How often one probe reopens the embedded file when the database it finds there is already dead. */
    private static final int REOPEN_ATTEMPTS = 3;
    /** The probe of each embedded file's url, for {@link GatedH2DataSource}. */
    private static final Map<String, JournalHealth> BY_URL = new ConcurrentHashMap<>();

    private final DatabaseSettings database;
    private final ScheduledExecutorService timer;
    private volatile Optional<String> problem = Optional.empty();
    /** Used by the timer thread only. */
    private Connection connection;
    /**
     * Whether the pool may connect: while this probe holds the embedded database open and found it answering, whether
     * that database is still alive; false while there is none.
     */
    private volatile BooleanSupplier admitting = () -> false;
    /** The embedded database this probe was last on; used by the timer thread only. */
    private Database lastOpen;
    /** The embedded database this probe holds open and found answering, for {@link #openEmbeddedStore}. */
    private volatile Optional<Database> embedded = Optional.empty();

    private JournalHealth(DatabaseSettings database) {
        this.database = database;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bullion-journal-health");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Probes {@code database} now and then every {@code every}, until closed. */
    public static JournalHealth probing(DatabaseSettings database, Duration every) {
        JournalHealth health = new JournalHealth(database);
        health.probe();
        if (database.kind() == DatabaseSettings.Kind.H2) {
            BY_URL.put(database.url(), health);
        }
        health.timer.scheduleWithFixedDelay(health::probe, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return health;
    }

    /** Why the journal cannot take a write now; empty when it can (as far as the last probe knows). */
    public Optional<String> problem() {
        return problem;
    }

    /**
     * The store of the embedded database while this probe holds it open and it is alive, for {@link H2Housekeeping};
     * empty for PostgreSQL and while the embedded database is closed.
     */
    public Optional<MVStore> openEmbeddedStore() {
        return embedded.filter(JournalHealth::alive).map(open -> open.getStore().getMvStore());
    }

    /**
     * Whether the connection pool may connect to the embedded file at {@code url} now: only while its probe holds the
     * database open and that database has not closed itself since (a failed write closes it at once, before the next
     * probe). A new connection then joins that database instead of reopening the file; only the probe reopens it, and
     * only once a write beside it succeeds. Always true for a url no probe watches.
     */
    public static boolean admitsConnections(String url) {
        JournalHealth health = BY_URL.get(url);
        if (health == null) {
            return true;
        }
        return health.admitting.getAsBoolean();
    }

    private static boolean alive(Database database) {
        try {
            return !database.isClosing()
                    && database.getPowerOffCount() != -1
                    && !database.getStore().getMvStore().isClosed();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private void probe() {
        Optional<String> found = lowDisk().or(this::unwritableSqliteDirectory).or(this::unreachable);
        if (!found.equals(problem)) {
            if (found.isPresent()) {
                LOG.warn("Journal unavailable, refusing changes: {}", found.get());
            } else {
                LOG.info("Journal available again");
            }
        }
        problem = found;
    }

    private Optional<String> lowDisk() {
        Optional<Path> dir = database.embeddedDirectory();
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        try {
            long free = Files.getFileStore(dir.get()).getUsableSpace();
            return free < MIN_FREE_BYTES
                    ? Optional.of("only " + free / 1024 / 1024 + " MiB free on the disk of " + dir.get())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot read the free space of " + dir.get() + ": " + e.getMessage());
        }
    }

    private Optional<String> unreachable() {
        try {
            if (connection == null || !answers(connection) || !joinable(connection)) {
                closeConnection();
                Optional<String> unwritable = unwritableH2File();
                if (unwritable.isPresent()) {
                    return unwritable;
                }
                connect();
            }
            Database open = openH2Database(connection);
            if (open != null && lastOpen != null && open != lastOpen) {
                LOG.info("The embedded database was reopened after it closed itself");
            }
            if (open != null) {
                H2Housekeeping.guard(open.getStore().getMvStore()); // before the pool may write to it
            }
            lastOpen = open == null ? lastOpen : open;
            admitting = open == null ? () -> true : () -> alive(open);
            embedded = Optional.ofNullable(open);
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            return Optional.of("the database at " + database.url() + " does not answer: " + e.getMessage());
        }
    }

    /**
     * Connects and checks that the database answers. On the embedded file a new connection may join a database that
     * has already closed itself (one something else opened while the disk was failing writes): {@link #answers} then
     * shuts that one down and the next attempt reopens the file.
     */
    private void connect() throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                connection = DriverManager.getConnection(database.url(), properties());
                if (!answers(connection)) {
                    throw new SQLException("the database does not answer");
                }
                return;
            } catch (SQLException e) {
                closeConnection();
                boolean retry = e.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED
                        || (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1 && releasedDeadLastOpen());
                if (!retry || attempt == REOPEN_ATTEMPTS) {
                    throw e;
                }
                LOG.debug("The embedded database was dead on connecting (attempt {}), reopening it", attempt);
            }
        }
    }

    /**
     * Whether the embedded database this probe was last on is dead and has now been shut down. A store that panicked
     * on a failed write keeps its file locked until its last session closes; when the probe's own connection to it
     * failed with something other than "closed" (so {@link #answers} did not release it), the file then stays "already
     * in use" to every new connection. Shutting the dead database down frees the lock, and the next attempt reopens.
     */
    private boolean releasedDeadLastOpen() {
        Database dead = lastOpen;
        if (dead == null || alive(dead)) {
            return false;
        }
        LOG.warn("The embedded file is held by the database that closed itself; releasing it so the file can reopen");
        release(dead);
        lastOpen = null;
        return true;
    }

    /**
     * On the embedded file, whether a new connection joins the database {@code connection} is on. H2 finds an open
     * database by its name only, and a dead one finishing its close (its last connection closed late) forgets whichever
     * database has that name, so a reopened one can be left open, answering this probe, while every new connection
     * fails ("Database may be already in use": it holds the file). Then this shuts it down, so the file is reopened.
     */
    private boolean joinable(Connection connection) {
        Database open = openH2Database(connection);
        if (open == null) {
            return true;
        }
        try (Connection joining = DriverManager.getConnection(database.url(), properties())) {
            if (openH2Database(joining) == open) {
                return true;
            }
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1) {
                LOG.debug("A new connection to the embedded database failed", e);
                return true; // not the symptom: the held connection still answers
            }
        }
        LOG.warn("New connections no longer reach the open embedded database; shutting it down to reopen the file");
        release(open);
        return false;
    }

    /**
     * The H2 database {@code connection} is on, for the pool's gate; null for PostgreSQL, or if H2's internal API cannot
     * tell (then the gate admits while this connection answers).
     */
    private Database openH2Database(Connection connection) {
        if (database.kind() != DatabaseSettings.Kind.H2) {
            return null;
        }
        try {
            return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase();
        } catch (SQLException | RuntimeException | LinkageError e) {
            LOG.debug("Could not tell which embedded database the probe is on", e);
            return null;
        }
    }

    /**
     * Whether a statement runs on {@code connection}. On the embedded file {@code isValid} is not enough: after a failed
     * write H2 closes the database, and its connections then fail every statement ("The database has been closed")
     * while {@code isValid} still says true. A failing statement closes this probe's connection (H2 reopens the file
     * only once every connection to the closed database is gone) and a new one reopens it.
     */
    private boolean answers(Connection connection) throws SQLException {
        if (database.kind() != DatabaseSettings.Kind.H2) {
            return connection.isValid(TIMEOUT_SECONDS);
        }
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            Database on = openH2Database(connection);
            if (on != null && (e.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED || !alive(on))) {
                releaseClosed(on);
            }
            throw e;
        }
    }

    /**
     * After a failed write H2 marks the store closed but keeps its file open and locked until the last connection to
     * it closes, so until then no new connection can reopen the file; one forgotten idle connection would keep the
     * journal down for good. This shuts the dead database down at once (its files closed, the lock released), so the
     * next connection reopens the file. Its other connections then fail their pool's check and are replaced.
     */
    private static void releaseClosed(Database closed) {
        LOG.warn("The embedded database closed itself after a failed write; releasing its file so it can reopen");
        try {
            release(closed);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Could not release the closed embedded database", e);
        }
    }

    /**
     * Closes every session of {@code dead} and shuts it down. Its sessions are closed first because after
     * {@code shutdownImmediately} a pooled connection to it still passes the pool's {@code SELECT 1} (which touches no
     * table) and then fails every real statement ("Transaction 1 is closed"); with its session closed the pool's check
     * fails and the connection is replaced.
     */
    private static void release(Database dead) {
        for (SessionLocal session : dead.getSessions(false)) {
            try {
                session.close();
            } catch (RuntimeException e) {
                LOG.debug("Could not close a session of the dead embedded database", e);
            }
        }
        dead.shutdownImmediately();
    }

    /**
     * On the embedded file, whether a small file beside it can be written and forced to disk, through the same H2 file
     * system as the database. Checked before (re)opening the database: H2 opening its file on a disk that fails writes
     * can leave the file locked inside this JVM for good, so nothing could reopen it once the space is back.
     */
    private Optional<String> unwritableH2File() {
        if (database.kind() != DatabaseSettings.Kind.H2
                || database.h2Directory().isEmpty()) {
            return Optional.empty();
        }
        String file = database.url().substring("jdbc:h2:".length()).split(";", 2)[0] + ".health";
        try {
            FilePath probe = FilePath.get(file);
            try (FileChannel channel = probe.open("rw")) {
                channel.write(ByteBuffer.allocate(4096), 0);
                channel.force(true);
            } finally {
                probe.delete();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot write beside the embedded database " + file + ": " + e.getMessage());
        }
    }

    /**
     * On SQLite's file, whether a new file of 4 KiB can be written beside it (then deleted), checked at every probe.
     * SQLite's connections stay valid while its writes fail (a disk with an I/O fault, a file system remounted
     * read-only, a limit on the size of this process's files, a full disk below the free-space rule's reach), and each
     * failed write rolls back on its own: without this the facade would not know, and a change would wait out its time
     * limit instead of being refused at once. A new file takes new blocks, as a journal write does; it is not forced
     * to disk, so a healthy probe usually writes nothing there (the file is gone before the kernel writes it back).
     */
    private Optional<String> unwritableSqliteDirectory() {
        Optional<Path> file = database.sqlitePath();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path probe = file.get().resolveSibling(file.get().getFileName() + ".health");
        try {
            try (FileChannel channel = FileChannel.open(
                    probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.allocate(4096), 0);
            } finally {
                Files.deleteIfExists(probe);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot write beside the embedded database " + probe + ": " + e.getMessage());
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        properties.setProperty("password", database.password());
        if (database.kind() == DatabaseSettings.Kind.POSTGRES) {
            properties.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
            properties.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS));
            properties.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        }
        return properties;
    }

    private void closeConnection() {
        admitting = () -> false;
        embedded = Optional.empty();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // A broken connection: nothing left to release.
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        BY_URL.remove(database.url(), this);
        closeConnection();
    }
}

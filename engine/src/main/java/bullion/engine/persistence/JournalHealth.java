package bullion.engine.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.api.ErrorCode;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.store.fs.FilePath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node's journal can take a write, probed every {@code every} on a thread of its own: one connection,
 * validated with a bounded wait; on the embedded file also the free space of its disk, so writes are refused cleanly
 * before the disk is full rather than failing inside the store. The facade asks {@link #problem()} before every
 * change and refuses at once while there is one, instead of letting the caller wait out its timeout.
 */
public final class JournalHealth implements AutoCloseable {

  /** Below this much free space on the embedded file's disk, writes are refused. */
  public static final long MIN_FREE_BYTES = 64L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(JournalHealth.class);
  private static final int TIMEOUT_SECONDS = 1;

  private final DatabaseSettings database;
  private final ScheduledExecutorService timer;
  private volatile Optional<String> problem = Optional.empty();
  /** Used by the timer thread only. */
  private Connection connection;

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
    health.timer.scheduleWithFixedDelay(health::probe, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return health;
  }

  /** Why the journal cannot take a write now; empty when it can (as far as the last probe knows). */
  public Optional<String> problem() {
    return problem;
  }

  private void probe() {
    Optional<String> found = lowDisk().or(this::unreachable);
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
    Optional<Path> dir = database.h2Directory();
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
      if (connection == null || !answers(connection)) {
        closeConnection();
        Optional<String> unwritable = unwritableH2File();
        if (unwritable.isPresent()) {
          return unwritable;
        }
        connection = DriverManager.getConnection(database.url(), properties());
        if (!answers(connection)) {
          return Optional.of("the database at " + database.url() + " does not answer");
        }
      }
      return Optional.empty();
    } catch (SQLException | RuntimeException e) {
      closeConnection();
      return Optional.of("the database at " + database.url() + " does not answer: " + e.getMessage());
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
      if (e.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED) {
        releaseClosedH2(connection);
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
  private static void releaseClosedH2(Connection connection) {
    try {
      SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
      Database closed = session.getDatabase();
      if (closed != null) {
        LOG.warn("The embedded database closed itself after a failed write; releasing its file so it can reopen");
        closed.shutdownImmediately();
      }
    } catch (SQLException | RuntimeException | LinkageError e) {
      LOG.debug("Could not release the closed embedded database", e);
    }
  }

  /**
   * On the embedded file, whether a small file beside it can be written and forced to disk, through the same H2 file
   * system as the database. Checked before (re)opening the database: H2 opening its file on a disk that fails writes
   * can leave the file locked inside this JVM for good, so nothing could reopen it once the space is back.
   */
  private Optional<String> unwritableH2File() {
    if (database.kind() != DatabaseSettings.Kind.H2 || database.h2Directory().isEmpty()) {
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
    closeConnection();
  }
}

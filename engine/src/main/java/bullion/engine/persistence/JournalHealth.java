package bullion.engine.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
      if (connection == null || !connection.isValid(TIMEOUT_SECONDS)) {
        closeConnection();
        connection = DriverManager.getConnection(database.url(), properties());
        if (!connection.isValid(TIMEOUT_SECONDS)) {
          return Optional.of("the database at " + database.url() + " does not answer");
        }
      }
      return Optional.empty();
    } catch (SQLException | RuntimeException e) {
      closeConnection();
      return Optional.of("the database at " + database.url() + " does not answer: " + e.getMessage());
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

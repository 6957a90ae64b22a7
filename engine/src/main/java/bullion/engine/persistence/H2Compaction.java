package bullion.engine.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded H2 file near its live size while it runs. With {@code WRITE_DELAY=0} (which durability needs)
 * H2 runs no background housekeeping, so every commit appends and old chunks are only reclaimed at close: the file
 * grew about 21 KiB per event. Every {@code every} this moves live data out of sparse chunks for at most
 * {@code budget} ({@code MVStore.compactFile}, through H2's internal session API: there is no SQL for it while the
 * database is open). If that API ever goes away, it says so once and stops; nothing else depends on it.
 */
public final class H2Compaction implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

  private final DatabaseSettings database;
  private final int budgetMillis;
  private final ScheduledExecutorService timer;
  /** Used by the timer thread only. */
  private Connection connection;

  private H2Compaction(DatabaseSettings database, Duration budget) {
    this.database = database;
    this.budgetMillis = Math.toIntExact(budget.toMillis());
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "bullion-h2-compaction");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Compacts {@code database}'s file every {@code every} for at most {@code budget}; nothing for PostgreSQL. */
  public static Optional<H2Compaction> schedule(DatabaseSettings database, Duration every, Duration budget) {
    if (database.kind() != DatabaseSettings.Kind.H2) {
      return Optional.empty();
    }
    H2Compaction compaction = new H2Compaction(database, budget);
    compaction.timer.scheduleWithFixedDelay(compaction::compact, every.toMillis(), every.toMillis(),
        TimeUnit.MILLISECONDS);
    return Optional.of(compaction);
  }

  private void compact() {
    if (!JournalHealth.admitsConnections(database.url())) {
      return; // the database is closed: only JournalHealth reopens the file
    }
    if (JournalHealth.reopenedAfterFailure(database.url())) {
      // On a file reopened after a failed write, compactFile tripped H2's own free-space checks (FreeSpaceBitSet,
      // with -ea) and closed the store mid-commit; without -ea it would go on from the same inconsistent state.
      return;
    }
    try {
      // A connection per run, not one held between runs: after a failed write (a full disk) H2 closes the database
      // and reopens the file only once every connection to it is closed, so an idle one here would keep it shut.
      connection = DriverManager.getConnection(database.url(), database.user(), database.password());
      SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
      session.getDatabase().getStore().getMvStore().compactFile(budgetMillis);
    } catch (SQLException | RuntimeException e) {
      // A closed or failing store (a full disk): try again next time.
      LOG.debug("H2 compaction skipped", e);
    } catch (LinkageError e) {
      LOG.warn("H2 compaction is off: this H2 version lacks the internal API it uses ({})", e.toString());
      timer.shutdown();
    } catch (AssertionError e) {
      // Only with -ea (tests): H2's own consistency checks. Said loudly, so a test run would show it.
      LOG.error("H2 compaction failed an H2 assertion", e);
    } finally {
      closeConnection();
    }
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException | RuntimeException ignored) {
        // Nothing left to release.
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

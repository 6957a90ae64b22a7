package bullion.engine.persistence;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * The connection pool's data source for SQLite's file (its {@code url} set as a property): the driver's own, with a
 * busy handler of ours on every connection in place of SQLite's {@code busy_timeout}. SQLite lets one connection write
 * at a time, and the journal, the snapshot store and the standings write from several. A connection that finds the
 * write lock taken calls its busy handler until the lock is free; SQLite's own sleeps 1, 2, 5, 10 ... then 100 ms
 * between tries, so a writer that lost a few times slept tens to hundreds of milliseconds after the lock was free
 * (the bench's writes waited up to 750 ms for a lock held for about a millisecond at a time). This one tries again
 * after {@value #SHORT_WAIT_MICROS} µs, then every {@value #LONG_WAIT_MICROS} µs, and gives up, as
 * {@code busy_timeout} did, after {@link #GIVE_UP_AFTER}.
 */
public final class SqliteDataSource extends SQLiteDataSource {

    /** As long as SQLite's {@code busy_timeout} waited ({@link DatabaseSettings#sqlite}). */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(10);

    private static final int SHORT_WAIT_MICROS = 50;
    private static final int LONG_WAIT_MICROS = 500;
    /** Tries at the short wait before the long one: about a millisecond, the time one commit holds the lock. */
    private static final int SHORT_TRIES = 20;

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        SQLiteConnection connection = super.getConnection(username, password);
        BusyHandler.setHandler(connection, new ShortWaits());
        return connection;
    }

    /** One connection's handler; a connection is used by one thread at a time, so its state needs no lock. */
    private static final class ShortWaits extends BusyHandler {
        private long waitingSince;

        @Override
        protected int callback(int triesBefore) {
            long now = System.nanoTime();
            if (triesBefore == 0) {
                waitingSince = now;
            } else if (now - waitingSince > GIVE_UP_AFTER.toNanos()) {
                return 0; // SQLITE_BUSY to the caller, as busy_timeout would after as long
            }
            long micros = triesBefore < SHORT_TRIES ? SHORT_WAIT_MICROS : LONG_WAIT_MICROS;
            LockSupport.parkNanos(micros * 1_000L); // waiting for another connection's commit, not for a result
            return 1;
        }
    }
}

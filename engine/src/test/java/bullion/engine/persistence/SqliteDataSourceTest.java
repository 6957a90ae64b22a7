package bullion.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDataSourceTest {

    @TempDir
    Path dataDir;

    private SqliteDataSource dataSource() {
        SqliteDataSource dataSource = new SqliteDataSource();
        dataSource.setUrl(DatabaseSettings.sqliteFile(dataDir).url());
        return dataSource;
    }

    @Test
    void aConnectionHasTheSettingsOfTheUrl() throws SQLException {
        try (Connection connection = dataSource().getConnection("", "")) {
            assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(connection, "synchronous")).as("FULL").isEqualTo("2");
        }
    }

    @Test
    void aWriterWaitsForTheLockAndWritesWithinAMillisecondOrTwoOfItsRelease() throws Exception {
        SqliteDataSource dataSource = dataSource();
        try (Connection holder = dataSource.getConnection("", "");
                Connection waiter = dataSource.getConnection("", "")) {
            execute(holder, "CREATE TABLE t (n INTEGER)");
            // Both commits are timed with the wait; without their syncs a slow disk cannot use up the 50 ms below.
            execute(holder, "PRAGMA synchronous = OFF");
            execute(waiter, "PRAGMA synchronous = OFF");
            holder.setAutoCommit(false);
            execute(holder, "INSERT INTO t VALUES (1)"); // the write lock, held until the commit
            CompletableFuture<Long> written = CompletableFuture.supplyAsync(() -> {
                try {
                    execute(waiter, "INSERT INTO t VALUES (2)");
                    return System.nanoTime();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300); // long enough for SQLite's own handler to have reached its 100 ms sleeps
            assertThat(written).as("waiting for the lock").isNotDone();
            long released = System.nanoTime();
            holder.commit();
            long waited = written.get(5, TimeUnit.SECONDS) - released;
            assertThat(Duration.ofNanos(waited)).isLessThan(Duration.ofMillis(50));
            holder.setAutoCommit(true);
            try (Statement statement = holder.createStatement();
                    ResultSet count = statement.executeQuery("SELECT count(*) FROM t")) {
                count.next();
                assertThat(count.getInt(1)).isEqualTo(2);
            }
        }
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.engine.persistence.DatabaseSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server nobody writes to leaves its embedded file alone: the housekeeping tidies after writes, and stops once
 * nothing but its own steps has been committed. Before, every run found something of its last run's to rewrite, and
 * an idle server kept writing chunks for good.
 */
class H2IdleTest {

    private static final int TABLES = 24;
    private static final int BUY_INS = 60;

    @TempDir
    Path dataDir;

    @Test
    void aServerWithNothingToWriteWritesNothingToItsFile() throws Exception {
        DatabaseSettings database = DatabaseSettings.h2File(dataDir);
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(database))) {
            playNights(system.tables());
            // The writes leave partly dead chunks: the runs right after them tidy (two runs, 500 ms apart).
            Thread.sleep(1_500);
            long writtenBefore = bytesWritten(database);
            Thread.sleep(3_000); // six more runs, with nothing written since the tidying
            assertThat(bytesWritten(database) - writtenBefore)
                    .as("bytes written to the file in 3 s with nothing to write")
                    .isZero();
        }
    }

    private static void playNights(Tables tables) throws Exception {
        try (ExecutorService hosts = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> nights = new ArrayList<>();
            for (int t = 0; t < TABLES; t++) {
                String name = "Idle " + t;
                nights.add(hosts.submit(() -> {
                    Tables.Opened table =
                            Await.result(tables.open(new Command.OpenTable(name, "EUR", BigDecimal.TEN, 10)));
                    for (int p = 1; p <= 4; p++) {
                        Await.done(tables.addPlayer(table.id(), table.manageToken(), "P" + p, Optional.empty()));
                    }
                    for (int b = 0; b < BUY_INS; b++) {
                        Await.done(tables.buyIn(table.id(), table.manageToken(), 1 + b % 4, 1, Optional.empty()));
                    }
                    return null;
                }));
            }
            for (Future<?> night : nights) {
                night.get();
            }
        }
    }

    /** What H2 has written to the file since it was opened. */
    private static long bytesWritten(DatabaseSettings database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT CAST(SETTING_VALUE AS BIGINT) FROM"
                        + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.FILE_WRITE_BYTES'")) {
            row.next();
            return row.getLong(1);
        }
    }
}

package bullion.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteFileLockTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecondHolderInThisProcessIsRefusedUntilTheFirstLetsGo() {
        DatabaseSettings sqlite = DatabaseSettings.sqliteFile(dataDir.resolve("new"));
        Optional<SqliteFileLock> first = SqliteFileLock.acquire(sqlite);
        assertThat(first).isPresent();
        assertThatThrownBy(() -> SqliteFileLock.acquire(sqlite))
                .isInstanceOf(SqliteFileLock.InUse.class)
                .hasMessageContaining(
                        "another Bullion is running on " + sqlite.sqlitePath().orElseThrow())
                .hasMessageContaining("bullion.db.lock");
        first.get().close();
        SqliteFileLock.acquire(sqlite).orElseThrow().close();
    }

    @Test
    void anotherProcessHoldingTheFileRefusesThisOneAndItsEndReleasesIt() throws Exception {
        DatabaseSettings sqlite = DatabaseSettings.sqliteFile(dataDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHolder.class.getName(),
                        dataDir.toString()))
                .redirectErrorStream(true)
                .start();
        try {
            String said =
                    new String(holder.getInputStream().readNBytes(LockHolder.HOLDING.length()), StandardCharsets.UTF_8);
            assertThat(said).isEqualTo(LockHolder.HOLDING);
            assertThatThrownBy(() -> SqliteFileLock.acquire(sqlite)).isInstanceOf(SqliteFileLock.InUse.class);
        } finally {
            holder.destroyForcibly(); // as kill -9: the operating system releases the lock
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        SqliteFileLock.acquire(sqlite).orElseThrow().close();
    }

    @Test
    void onlySqlitesFileIsLockedHere() {
        assertThat(SqliteFileLock.acquire(DatabaseSettings.h2File(dataDir))).isEmpty();
        assertThat(SqliteFileLock.acquire(
                        DatabaseSettings.postgres("jdbc:postgresql://127.0.0.1:5432/bullion", "postgres", "")))
                .isEmpty();
    }

    /** A child process that takes the lock of the SQLite file in its argument's directory and holds it until killed. */
    public static final class LockHolder {
        static final String HOLDING = "holding\n";

        public static void main(String[] args) throws InterruptedException {
            SqliteFileLock.acquire(DatabaseSettings.sqliteFile(Path.of(args[0])))
                    .orElseThrow();
            System.out.print(HOLDING);
            System.out.flush();
            Thread.sleep(60_000); // held until the test kills this process; the sleep only bounds a forgotten child
        }
    }
}

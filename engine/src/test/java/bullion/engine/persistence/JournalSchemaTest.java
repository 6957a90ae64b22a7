package bullion.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bullion.engine.PostgresDatabase;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start skips Flyway only when its history says every migration the jar carries is applied as it is now, and runs
 * it otherwise: on a fresh database, on a file an earlier version wrote, and on a history Flyway itself would refuse
 * (which it still refuses). The real databases, no doubles: the outcome says which way a start went, the tables show
 * what it did.
 */
class JournalSchemaTest {

    @TempDir
    Path dataDir;

    @Test
    void aFreshFileIsMigratedByFlywayAndTheNextStartFindsItCurrent() throws Exception {
        DatabaseSettings db = DatabaseSettings.h2File(dataDir);

        assertThat(JournalSchema.migrate(db)).isEqualTo(JournalSchema.Outcome.MIGRATED);
        assertThat(rows(db, "\"event_journal\"")).isZero();
        assertThat(rows(db, "group_night")).isZero();
        assertThat(indexesOnOrdering(db)).hasSize(1);
        assertThat(JournalSchema.migrate(db)).isEqualTo(JournalSchema.Outcome.CURRENT);
    }

    @Test
    void aFileFromAnEarlierVersionGetsTheNewMigrationFromFlywayOnceAndKeepsItsEvents() throws Exception {
        try (InputStream golden = getClass().getResourceAsStream("/golden-h2/bullion.mv.db")) {
            Files.copy(golden, dataDir.resolve("bullion.mv.db"));
        }
        DatabaseSettings db = DatabaseSettings.h2File(dataDir);
        assertThat(appliedVersions(db)).isEqualTo("1"); // written before the groups' tables (V2) existed
        assertThat(indexesOnOrdering(db)).hasSize(2); // V1 indexed it twice, until V3

        assertThat(JournalSchema.migrate(db)).isEqualTo(JournalSchema.Outcome.MIGRATED);
        assertThat(appliedVersions(db)).isEqualTo("1,2,3");
        assertThat(rows(db, "group_night")).isZero();
        assertThat(indexesOnOrdering(db)).hasSize(1); // the unique constraint's, which the foreign key uses
        assertThat(rows(db, "\"event_journal\"")).isEqualTo(16); // the golden night: opened, 3 players, 12 buy-ins
        assertThat(JournalSchema.migrate(db)).isEqualTo(JournalSchema.Outcome.CURRENT);
    }

    @Test
    void aScriptChangedSinceItWasAppliedIsStillRefusedByFlyway() throws Exception {
        migrateThenRestartAfter(
                        "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'")
                .hasCauseInstanceOf(FlywayValidateException.class);
    }

    @Test
    void aFailedMigrationInTheHistoryIsStillRefusedByFlyway() throws Exception {
        migrateThenRestartAfter("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '2'")
                .cause()
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("failed migration to version 2");
    }

    @Test
    void aHistoryFromANewerVersionIsLeftToFlyway() throws Exception {
        DatabaseSettings db = DatabaseSettings.h2File(dataDir);
        JournalSchema.migrate(db);
        execute(
                db,
                "INSERT INTO \"flyway_schema_history\" SELECT 99, '99', 'later', 'SQL', 'V99__later.sql', 1, "
                        + "\"installed_by\", \"installed_on\", 0, TRUE FROM \"flyway_schema_history\" "
                        + "WHERE \"version\" = '3'");

        // Flyway accepts a database migrated further (it ignores future migrations by default); only it decides so.
        assertThat(JournalSchema.migrate(db)).isEqualTo(JournalSchema.Outcome.MIGRATED);
    }

    @Test
    void onPostgresqlAFreshAnOlderAndACurrentDatabaseEachGoTheirWay() throws Exception {
        try (PostgresDatabase pg = PostgresDatabase.create("bullion_schema")) {
            DatabaseSettings db = pg.settings();

            assertThat(JournalSchema.migrate(db)).isEqualTo(JournalSchema.Outcome.MIGRATED);
            assertThat(rows(db, "event_journal")).isZero();
            assertThat(JournalSchema.migrate(db)).isEqualTo(JournalSchema.Outcome.CURRENT);

            // As an earlier version left it: before the groups' tables (V2).
            execute(db, "DROP TABLE group_table, group_night, group_night_seat");
            execute(db, "DELETE FROM flyway_schema_history WHERE version = '2'");
            assertThat(JournalSchema.migrate(db)).isEqualTo(JournalSchema.Outcome.MIGRATED);
            assertThat(rows(db, "group_night")).isZero();
            assertThat(appliedVersions(db)).isEqualTo("1,2");
            assertThat(JournalSchema.migrate(db)).isEqualTo(JournalSchema.Outcome.CURRENT);
        }
    }

    private static long rows(DatabaseSettings db, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String appliedVersions(DatabaseSettings db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT STRING_AGG(\"version\", ',' ORDER BY \"installed_rank\") "
                        + "FROM \"flyway_schema_history\" WHERE \"success\"")) {
            r.next();
            return r.getString(1);
        }
    }

    /** The indexes of the journal's {@code ordering} column, by name. */
    private static List<String> indexesOnOrdering(DatabaseSettings db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS "
                        + "WHERE TABLE_NAME = 'event_journal' AND COLUMN_NAME = 'ordering' ORDER BY INDEX_NAME")) {
            List<String> names = new ArrayList<>();
            while (r.next()) {
                names.add(r.getString(1));
            }
            return names;
        }
    }

    private static void execute(DatabaseSettings db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A current H2 file, its history changed by {@code update}, started again: what start-up's refusal says. */
    private AbstractThrowableAssert<?, ? extends Throwable> migrateThenRestartAfter(String update) throws Exception {
        DatabaseSettings db = DatabaseSettings.h2File(dataDir);
        JournalSchema.migrate(db);
        execute(db, update);
        return assertThatThrownBy(() -> JournalSchema.migrate(db))
                .isInstanceOf(JournalSchema.DatabaseUnavailable.class);
    }
}

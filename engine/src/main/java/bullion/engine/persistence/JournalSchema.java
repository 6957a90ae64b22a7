package bullion.engine.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or upgrades the journal's tables at start-up. The DDL is the journal plugin's own (copied from its jar into
 * {@code db/migration/<kind>}), so it always matches what the plugin queries; Flyway applies it and keeps its history.
 *
 * <p>Most starts find the schema current, and configuring Flyway costs more than the rest of a start's database work
 * (a third of the main thread's start, BENCHMARKS.md "Start-up"): so one plain query of Flyway's history decides first
 * ({@link SchemaHistory#isCurrent}), and only a database that is fresh, older or in any way unexpected gets Flyway,
 * which then migrates or refuses exactly as it would have. Flyway is told the scripts by name
 * ({@link JournalMigrations}), so it does not scan the jar for them either.
 */
public final class JournalSchema {

    private static final Logger LOG = LoggerFactory.getLogger(JournalSchema.class);

    /** What a start found. */
    public enum Outcome {
        /** Flyway's history already held every migration the jar carries: Flyway was not configured. */
        CURRENT,
        /** Flyway ran: a fresh or older database was migrated (or its history was not as this version writes it). */
        MIGRATED
    }

    private JournalSchema() {}

    public static Outcome migrate(DatabaseSettings db) {
        return migrate(db, Duration.ZERO);
    }

    /**
     * Migrates if needed, retrying every second for up to {@code wait} while the database cannot be reached.
     *
     * @throws DatabaseUnavailable when it still cannot be reached (or refuses the schema): its message is one
     *     sentence naming the database, the cause is the whole story
     */
    public static Outcome migrate(DatabaseSettings db, Duration wait) {
        long giveUp = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return migrateOnce(db);
            } catch (SQLException | FlywayException e) {
                String why = reason(e);
                if (System.nanoTime() >= giveUp) {
                    String within = wait.isZero() ? "" : " within " + wait.toSeconds() + " s";
                    throw new DatabaseUnavailable(
                            "the database at " + db.url() + " could not be used" + within + ": " + why, e);
                }
                LOG.warn("Waiting for the database at {}: {}", db.url(), why);
                LOG.debug("The database at {} could not be used", db.url(), e);
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
        }
    }

    private static Outcome migrateOnce(DatabaseSettings db) throws SQLException {
        JournalMigrations migrations = JournalMigrations.of(db.kind());
        if (db.kind() == DatabaseSettings.Kind.SQLITE) {
            createDirectory(db); // H2 makes a missing data directory itself; SQLite refuses to open the file
        }
        // Held open while Flyway runs, so an embedded H2 file is opened once, not once per connection.
        try (Connection connection = connect(db)) {
            if (isCurrent(connection, migrations, db)) {
                return Outcome.CURRENT;
            }
            LOG.info("Migrating the journal's schema at {} with Flyway", db.url());
            Flyway.configure()
                    .dataSource(db.url(), db.user(), db.password())
                    .connectRetries(0)
                    .locations("classpath:" + db.kind().migrations())
                    .resourceProvider(migrations.resources())
                    .javaMigrationClassProvider(JournalMigrations.noJavaMigrations())
                    .load()
                    .migrate();
            return Outcome.MIGRATED;
        }
    }

    private static void createDirectory(DatabaseSettings db) throws SQLException {
        Optional<Path> directory = db.embeddedDirectory();
        if (directory.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(directory.get());
        } catch (IOException e) {
            throw new SQLException("cannot create the directory " + directory.get() + ": " + e, e);
        }
    }

    private static Connection connect(DatabaseSettings db) throws SQLException {
        try {
            Class.forName(db.kind().driver()); // registers it, as Flyway's data source did
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the driver " + db.kind().driver() + " is not in the jar", e);
        }
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /** A history that cannot be read as Flyway writes it is Flyway's to judge, not a reason to stop. */
    private static boolean isCurrent(Connection connection, JournalMigrations migrations, DatabaseSettings db) {
        try {
            return SchemaHistory.isCurrent(connection, migrations.migrations());
        } catch (SQLException e) {
            LOG.debug("Could not read Flyway's history at {}; Flyway will", db.url(), e);
            return false;
        }
    }

    /** The first line of the driver's own message when there is one: it says what is wrong in a sentence. */
    private static String reason(Throwable e) {
        Throwable reason = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                reason = t;
                break;
            }
        }
        String message = reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    /** The journal's database cannot be used; the message is one sentence saying which and why. */
    public static final class DatabaseUnavailable extends IllegalStateException {
        DatabaseUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

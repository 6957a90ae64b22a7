package bullion.engine.persistence;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or upgrades the journal's tables with Flyway at start-up. The DDL is the journal plugin's own
 * (copied from its jar into {@code db/migration/<kind>}), so it always matches what the plugin queries.
 */
public final class JournalSchema {

    private static final Logger LOG = LoggerFactory.getLogger(JournalSchema.class);

    private JournalSchema() {}

    public static void migrate(DatabaseSettings db) {
        migrate(db, Duration.ZERO);
    }

    /**
     * Migrates, retrying every second for up to {@code wait} while the database cannot be reached.
     *
     * @throws DatabaseUnavailable when it still cannot be reached (or refuses the schema): its message is one
     *     sentence naming the database, the cause is the whole story
     */
    public static void migrate(DatabaseSettings db, Duration wait) {
        long giveUp = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                Flyway.configure()
                        .dataSource(db.url(), db.user(), db.password())
                        .connectRetries(0)
                        .locations("classpath:" + db.kind().migrations())
                        .load()
                        .migrate();
                return;
            } catch (FlywayException e) {
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

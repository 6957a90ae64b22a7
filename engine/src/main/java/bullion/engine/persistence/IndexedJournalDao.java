package bullion.engine.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.pekko.persistence.jdbc.config.EventJournalTableColumnNames;
import org.apache.pekko.persistence.jdbc.config.EventJournalTableConfiguration;
import org.apache.pekko.persistence.jdbc.config.JournalConfig;
import org.apache.pekko.persistence.jdbc.journal.dao.DefaultJournalDao;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import slick.dbio.DBIOAction;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;
import slick.jdbc.SimpleJdbcAction;

/**
 * The journal plugin's own DAO (bound as {@code jdbc-journal.dao}), except how a recovering table finds its highest
 * sequence number. The plugin asks {@code SELECT MAX(seq) FROM (... WHERE persistence_id = ? ORDER BY seq DESC LIMIT
 * 1)}, and H2 reads every row of the table to answer it (scanCount 10,066 for a 10,065-event table): about 90 ms of a
 * not-running table's first request, the table's pages read from the file (BENCHMARKS.md, "First request"). Pekko
 * passes where to start (the snapshot's sequence number, every event after it still being in the journal), so this
 * asks only from there, a range of the primary key: under 100 rows. Should nothing be stored from there on, it asks the
 * plugin's own way, so the answer is always the plugin's.
 */
public final class IndexedJournalDao extends DefaultJournalDao {

    private final String highestFrom;

    /** The constructor the plugin calls by reflection, with the same arguments as the one it replaces. */
    public IndexedJournalDao(
            JdbcBackend.JdbcDatabaseDef db,
            JdbcProfile profile,
            JournalConfig journalConfig,
            Serialization serialization,
            ExecutionContext ec,
            Materializer mat) {
        super(db, profile, journalConfig, serialization, ec, mat);
        EventJournalTableConfiguration table = journalConfig.eventJournalTableConfiguration();
        EventJournalTableColumnNames columns = table.columnNames();
        String name =
                (table.schemaName().isDefined() ? quoted(table.schemaName().get()) + "." : "")
                        + quoted(table.tableName());
        this.highestFrom = "SELECT MAX(" + quoted(columns.sequenceNumber()) + ") FROM " + name + " WHERE "
                + quoted(columns.persistenceId()) + " = ? AND " + quoted(columns.sequenceNumber()) + " >= ?";
        // Slick compiles the replay's query the first time it runs: about 20 ms inside a fresh server's first
        // recovery of a table with events (BENCHMARKS.md, "A fresh server's first request warmed"). The plugin makes
        // this DAO as the node starts (its health probe recovers a table no one has), so ask the query once now, for
        // a persistence id no table can have (theirs are "Table|<id>"), while nothing waits for it.
        messages(NO_TABLE, 1, 1, 1).asJava().runWith(Sink.ignore(), mat);
    }

    /** The persistence id the replay query's warm-up asks for: no table's (nor group's) has spaces. */
    private static final String NO_TABLE = "warm-up of the replay query";

    @Override
    public Future<Object> highestSequenceNr(String persistenceId, long fromSequenceNr) {
        Future<Long> fromThere = run(
                SimpleJdbcAction.apply(context -> highestFrom(context.connection(), persistenceId, fromSequenceNr)));
        return fromThere.flatMap(
                highest -> highest >= 0
                        ? Future.successful((Object) highest)
                        : super.highestSequenceNr(persistenceId, fromSequenceNr),
                ec());
    }

    /** The highest sequence number stored at or after {@code from}, or -1 if there is none. */
    private long highestFrom(Connection connection, String persistenceId, long from) {
        try (PreparedStatement statement = connection.prepareStatement(highestFrom)) {
            statement.setString(1, persistenceId);
            statement.setLong(2, from);
            try (ResultSet row = statement.executeQuery()) {
                long highest = row.next() ? row.getLong(1) : 0;
                return row.wasNull() ? -1 : highest;
            }
        } catch (SQLException e) {
            // Slick fails the future with it, and the journal's circuit breaker counts it, as the plugin's own query.
            throw new IllegalStateException("reading the highest sequence number of " + persistenceId + " failed", e);
        }
    }

    /** Runs {@code action} on the plugin's database; raw, as Scala's variance on the effect has no Java spelling. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Future<Long> run(SimpleJdbcAction<Long> action) {
        return (Future<Long>) db().run((DBIOAction) action);
    }

    /** The plugin's tables are created with quoted names (db/migration), which H2 and PostgreSQL both accept. */
    private static String quoted(String identifier) {
        return '"' + identifier + '"';
    }
}

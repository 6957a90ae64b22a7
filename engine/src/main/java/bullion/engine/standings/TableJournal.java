package bullion.engine.standings;

import bullion.core.EventApplier;
import bullion.core.Table;
import bullion.engine.entity.StoredEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * A table as its journal says it was after a given event: its events replayed through the core's
 * {@link EventApplier}, read with the JDBC read journal (events are never deleted, so the whole night is there).
 */
final class TableJournal {

    private final ActorSystem<?> system;
    private final JdbcReadJournal journal;
    private final Duration timeout;

    TableJournal(ActorSystem<?> system, Duration timeout) {
        this.system = system;
        this.journal =
                PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        this.timeout = timeout;
    }

    /** The table after its event {@code toSequenceNr}; empty if its journal holds no opening. */
    Optional<Table> replay(String persistenceId, long toSequenceNr) throws Exception {
        List<EventEnvelope> events = journal.currentEventsByPersistenceId(persistenceId, 0L, toSequenceNr)
                .runWith(Sink.seq(), system)
                .toCompletableFuture()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Optional<Table> table = Optional.empty();
        for (EventEnvelope envelope : events) {
            table = Optional.of(
                    switch ((StoredEvent) envelope.event()) {
                        case StoredEvent.TableCreated created -> EventApplier.apply(table, created.opened());
                        case StoredEvent.Recorded recorded -> EventApplier.apply(table, recorded.event());
                    });
        }
        return table;
    }
}

package bullion.engine;

import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Table;
import bullion.core.group.Night;
import bullion.core.group.Standings;
import bullion.engine.entity.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * The group's standings worked out the straight way, with no read side: every table's journal replayed, the tables
 * opened in the group kept, each closed one's night taken, and the core's standings of those nights.
 */
public final class JournalFold {

    private JournalFold() {}

    public static Standings standings(TableSystem system, GroupId group) throws Exception {
        JdbcReadJournal journal = PersistenceQuery.get(system.actorSystem())
                .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        List<String> ids = journal.currentPersistenceIds()
                .runWith(Sink.seq(), system.actorSystem())
                .toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
        List<Night> nights = new ArrayList<>();
        for (String pid : ids) {
            if (!pid.startsWith("Table|")) {
                continue;
            }
            List<EventEnvelope> events = journal.currentEventsByPersistenceId(pid, 0L, Long.MAX_VALUE)
                    .runWith(Sink.seq(), system.actorSystem())
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);
            Optional<Table> table = Optional.empty();
            Optional<String> groupId = Optional.empty();
            for (EventEnvelope envelope : events) {
                StoredEvent event = (StoredEvent) envelope.event();
                Event core = event instanceof StoredEvent.TableCreated created
                        ? created.opened()
                        : ((StoredEvent.Recorded) event).event();
                if (core instanceof Event.TableOpened opened) {
                    groupId = opened.groupId();
                }
                table = Optional.of(EventApplier.apply(table, core));
            }
            if (groupId.equals(Optional.of(group.value())) && table.isPresent()) {
                Night.of(pid.substring("Table|".length()), table.get()).ifPresent(nights::add);
            }
        }
        GroupOutcome.Done done =
                (GroupOutcome.Done) Await.result(system.groups().view(group, Optional.empty()));
        return Standings.of(done.group(), nights);
    }

    /** The standings as the read side has them. */
    public static Standings projected(TableSystem system, GroupId group) {
        return Await.result(system.groups().standings(group, Optional.empty()))
                .orElseThrow()
                .standings();
    }

    /**
     * Waits (bounded) until the read side has applied every event journaled so far, and returns how long that took
     * (-1 if it never did). Equality with the fold alone is not enough: a read side that has not yet seen a close and
     * a reopen equals a fold that has.
     */
    public static long millisUntilProjected(TableSystem system, GroupId group, long timeoutMillis) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            if (system.groups().standingsCaughtUp()) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return -1;
    }
}

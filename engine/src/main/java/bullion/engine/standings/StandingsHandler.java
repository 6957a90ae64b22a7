package bullion.engine.standings;

import bullion.core.Event;
import bullion.core.Table;
import bullion.core.group.Night;
import bullion.engine.entity.StoredEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * One event of a group table, applied to the read side in the projection's transaction. A table's first event says
 * which group it is in; an event that can change a closed night (the close, a reopen, a payment marked or unmarked, a
 * player renamed) replays the table to that event and writes its night as it then was (or removes it while the table
 * is open again). Every other event changes no night: buy-ins, cash-outs and voids happen only while a table is open.
 */
final class StandingsHandler extends JdbcHandler<EventEnvelope<StoredEvent>, StandingsSession> {

    /** Events applied in this JVM since it started, on any node it runs: a figure for operations and tests. */
    static final java.util.concurrent.atomic.AtomicLong APPLIED = new java.util.concurrent.atomic.AtomicLong();

    private final StandingsStore store;
    private final TableJournal journal;
    private final BiConsumer<String, List<String>> makeMembers;

    /**
     * @param makeMembers makes a night's players members of the group (idempotent: a name a member answers to adds
     *     nothing, so a replayed event asks again harmlessly)
     */
    StandingsHandler(StandingsStore store, TableJournal journal, BiConsumer<String, List<String>> makeMembers) {
        this.store = store;
        this.journal = journal;
        this.makeMembers = makeMembers;
    }

    @Override
    public void process(StandingsSession session, EventEnvelope<StoredEvent> envelope) throws Exception {
        String tableId = StandingsProjection.tableIdOf(envelope.persistenceId());
        APPLIED.incrementAndGet();
        switch (envelope.event()) {
            case StoredEvent.TableCreated created
            when created.opened().groupId().isPresent() ->
                session.withConnection(c -> {
                    NightRows.registerTable(
                            c, tableId, created.opened().groupId().get());
                    return null;
                });
            case StoredEvent.Recorded recorded
            when changesTheNight(recorded.event()) -> {
                // Read, and the members made, before the session's first write: on SQLite the members' journal write
                // would wait for the lock that write holds until the commit (StandingsProjection).
                Optional<String> group = store.groupOf(tableId);
                if (group.isEmpty()) {
                    return;
                }
                Optional<Table> table = journal.replay(envelope.persistenceId(), envelope.sequenceNr());
                Optional<Night> night = table.flatMap(t -> Night.of(tableId, t));
                night.ifPresent(n -> makeMembers.accept(
                        group.get(), n.seats().stream().map(Night.Seat::name).toList()));
                session.withConnection(c -> {
                    if (night.isPresent()) {
                        NightRows.put(c, group.get(), night.get());
                    } else {
                        NightRows.remove(c, tableId);
                    }
                    return null;
                });
            }
            default -> {}
        }
    }

    private static boolean changesTheNight(Event event) {
        return event instanceof Event.TableClosed
                || event instanceof Event.TableReopened
                || event instanceof Event.PaymentMarked
                || event instanceof Event.PaymentUnmarked
                || event instanceof Event.PlayerRenamed;
    }
}

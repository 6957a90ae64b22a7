package bullion.engine.standings;

import bullion.engine.entity.StoredEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.Projection;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.ProjectionManagement;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * The group standings' projection: the journal's events tagged {@link #TAG} (every event of a table opened in a
 * group), read with pekko-persistence-jdbc's {@code eventsByTag}, each applied by {@link StandingsHandler} in one
 * JDBC transaction with the projection's offset ({@code JdbcProjection.exactlyOnce}; on SQLite the offset right after
 * it, see {@link #start}). It runs once in the cluster, as a sharded daemon process of one instance, so two nodes never
 * both count an event.
 */
public final class StandingsProjection {

    /** The tag of every event of a table opened in a group. A stored value: never change it. */
    public static final String TAG = "group-table";

    static final ProjectionId ID = ProjectionId.of("group-standings", TAG);

    private final ActorSystem<?> system;
    private final StandingsStore store;

    private StandingsProjection(ActorSystem<?> system, StandingsStore store) {
        this.system = system;
        this.store = store;
    }

    /**
     * Starts the projection on this node's share of the cluster.
     *
     * @param makeMembers makes a closed night's players members of its group (idempotent)
     */
    public static StandingsProjection start(
            ActorSystem<?> system, StandingsStore store, BiConsumer<String, List<String>> makeMembers) {
        SourceProvider<Offset, EventEnvelope<StoredEvent>> events =
                EventSourcedProvider.eventsByTag(system, JdbcReadJournal.Identifier(), TAG);
        TableJournal journal = new TableJournal(system, Duration.ofSeconds(10));
        Supplier<JdbcHandler<EventEnvelope<StoredEvent>, StandingsSession>> handler =
                () -> new StandingsHandler(store, journal, makeMembers);
        // exactlyOnce writes the offset first in the event's transaction. On SQLite that write takes the database's
        // one write lock until the commit, so the handler's members (a journal write of the group, awaited) would wait
        // for it until both time out, and every table's write with them. There the offset is saved in a transaction of
        // its own right after each event's: an event whose offset a crash lost is applied again, which its night (one
        // row per table, replaced whole) and its members (idempotent) allow.
        Projection<EventEnvelope<StoredEvent>> projection = store.oneWriterAtATime()
                ? JdbcProjection.atLeastOnce(ID, events, store::session, handler, system)
                        .withSaveOffset(1, Duration.ZERO)
                        .withRestartBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2)
                : JdbcProjection.exactlyOnce(ID, events, store::session, handler, system)
                        .withRestartBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2);
        ShardedDaemonProcess.get(system)
                .init(
                        ProjectionBehavior.Command.class,
                        ID.name(),
                        1,
                        i -> ProjectionBehavior.create(projection),
                        ProjectionBehavior.stopMessage());
        return new StandingsProjection(system, store);
    }

    /**
     * Throws the read side away and projects it again from the first event: the projection is paused, every night
     * and its offset are deleted in one transaction, and it is resumed, reading the journal from the start.
     */
    public void rebuild(Duration timeout) throws Exception {
        ProjectionManagement management = ProjectionManagement.get(system);
        management.pause(ID).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            store.wipe(ID.name());
        } finally {
            management.resume(ID).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the read side has applied every group table's event the journal holds now (see the store). */
    public boolean caughtUp() {
        return store.caughtUp(TAG, ID.name());
    }

    /**
     * Events the projection has handled in this JVM since it started (a handler that failed and was retried counts
     * each time it ran): with one instance in the cluster and offsets stored with their effect, this equals the tagged
     * events journaled meanwhile.
     */
    public static long handledEvents() {
        return StandingsHandler.APPLIED.get();
    }

    /** The table id in a table's persistence id ({@code Table|<id>}). */
    static String tableIdOf(String persistenceId) {
        return persistenceId.substring(persistenceId.indexOf('|') + 1);
    }
}

package bullion.engine.standings;

import bullion.engine.entity.StoredEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.AtLeastOnceProjection;
import org.apache.pekko.projection.javadsl.ProjectionManagement;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * The group standings' projection: the journal's events tagged {@link #TAG} (every event of a table opened in a
 * group), read with pekko-persistence-jdbc's {@code eventsByTag}, each applied by {@link StandingsHandler} in a JDBC
 * transaction, and the projection's offset stored after each event in a transaction of its own
 * ({@code JdbcProjection.atLeastOnce}): an event applied again after a crash between the two changes nothing, as the
 * handler replaces a night whole and asks the group for members idempotently. Not {@code exactlyOnce}: that writes the
 * offset first, in the handler's transaction, so on SQLite the handler would hold the database's one write lock
 * while it waits for the group's own journal write, and both would time out. It runs once in the cluster, as a
 * sharded daemon process of one instance, so two nodes never both count an event.
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
        AtLeastOnceProjection<Offset, EventEnvelope<StoredEvent>> projection = JdbcProjection.atLeastOnce(
                        ID,
                        events,
                        store::session,
                        () -> new StandingsHandler(journal, store::groupOf, makeMembers),
                        system)
                .withSaveOffset(1, Duration.ZERO)
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

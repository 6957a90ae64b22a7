package bullion.engine;

import bullion.engine.group.GroupEntity;
import bullion.engine.standings.StandingsProjection;
import bullion.engine.standings.StandingsStore;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;

/**
 * Starts groups beside the tables on this node: the group entity under Cluster Sharding, the read side's store and
 * the standings projection (one instance in the cluster), and the {@link Groups} facade. Kept apart from
 * {@link TableSystem}, which only calls {@link #start} and {@link #close}.
 */
final class GroupSystem implements AutoCloseable {

    private final Groups groups;
    private final StandingsStore store;

    private GroupSystem(Groups groups, StandingsStore store) {
        this.groups = groups;
        this.store = store;
    }

    static GroupSystem start(ActorSystem<?> system, ClusterSharding sharding, Tables tables, EngineSettings settings) {
        sharding.init(Entity.of(
                GroupEntity.TYPE_KEY,
                entity -> GroupEntity.create(
                        entity.getEntityId(),
                        settings.snapshotEvery(),
                        settings.minBackoff(),
                        settings.maxBackoff(),
                        entity.getShard())));
        StandingsStore store = new StandingsStore(settings.database());
        StandingsProjection projection = StandingsProjection.start(
                system,
                store,
                (groupId, names) -> Groups.addMembersNow(sharding, settings.askTimeout(), groupId, names));
        return new GroupSystem(new Groups(sharding, tables, store, projection, settings.askTimeout()), store);
    }

    Groups groups() {
        return groups;
    }

    /** After the actor system has stopped (and with it the projection): the read side's pool. */
    @Override
    public void close() {
        store.close();
    }
}

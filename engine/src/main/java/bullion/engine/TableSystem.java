package bullion.engine;

import bullion.core.CommandDecider;
import bullion.engine.entity.TableEntity;
import bullion.engine.entity.TableTopics;
import bullion.engine.persistence.JournalHealth;
import bullion.engine.persistence.JournalSchema;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * Starts the table servers on this node: migrates the journal schema, starts the actor system, joins the
 * cluster (itself, unless seed nodes are configured) and registers the table entity with Cluster Sharding,
 * which starts a table on the first message for it, wherever it lives.
 */
public final class TableSystem implements AutoCloseable {

    /** How often this node checks that its journal can take a write. */
    static final Duration HEALTH_PROBE_EVERY = Duration.ofMillis(500);

    private final ActorSystem<Void> system;
    private final Tables tables;
    private final JournalHealth health;

    private TableSystem(ActorSystem<Void> system, Tables tables, JournalHealth health) {
        this.system = system;
        this.tables = tables;
        this.health = health;
    }

    public static TableSystem start(EngineSettings settings) {
        return start(settings, CommandDecider::decide);
    }

    /**
     * The table servers with another decide function than the core's: for tests that inject a fault or a delay.
     *
     * @throws JournalSchema.DatabaseUnavailable if the database cannot be used within {@code settings.databaseWait()}
     */
    public static TableSystem start(EngineSettings settings, Decide decide) {
        JournalSchema.migrate(settings.database(), settings.databaseWait());
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bullion", EngineConfig.of(settings));
        Cluster cluster = Cluster.get(system);
        if (settings.seedNodes().isEmpty()) {
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
        }
        awaitUp(system, cluster);
        ActorRef<TableTopics.Message> topics =
                system.systemActorOf(TableTopics.create(), "table-topics", Props.empty());
        TableEntity.Settings entitySettings =
                new TableEntity.Settings(settings.snapshotEvery(), settings.minBackoff(), settings.maxBackoff());
        ClusterSharding sharding = ClusterSharding.get(system);
        sharding.init(Entity.of(
                TableEntity.TYPE_KEY,
                entity -> TableEntity.sharded(
                        entity.getEntityId(), entitySettings, decide, Clock.systemUTC(), topics, entity.getShard())));
        JournalHealth health = JournalHealth.probing(settings.database(), HEALTH_PROBE_EVERY);
        Tables tables = new Tables(
                sharding, topics, settings.askTimeout(), settings.deadlineBudget(), health::problem, Clock.systemUTC());
        return new TableSystem(system, tables, health);
    }

    /**
     * Sharding only hands out tables once this node is Up; answering requests before then would make the first
     * ones time out, so start-up waits (bounded) for it, whether it joined itself or its seed nodes.
     */
    private static void awaitUp(ActorSystem<Void> system, Cluster cluster) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (cluster.selfMember().status() != MemberStatus.up()) {
            if (System.nanoTime() > deadline) {
                system.terminate();
                throw new IllegalStateException("this node did not join a cluster within 30 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    public Tables tables() {
        return tables;
    }

    /** For tests and operations that need Pekko itself (cluster state, serialization); delivery layers never do. */
    public ActorSystem<Void> actorSystem() {
        return system;
    }

    /** Leaves the cluster and stops every table; acknowledged events are already in the journal. */
    @Override
    public void close() {
        health.close();
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("actor system did not stop in 30 s", e);
        }
    }
}

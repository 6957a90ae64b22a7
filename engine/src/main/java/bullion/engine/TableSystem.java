package bullion.engine;

import bullion.core.CommandDecider;
import bullion.engine.entity.LiveTables;
import bullion.engine.entity.StoredFormatWarmUp;
import bullion.engine.entity.TableEntity;
import bullion.engine.entity.TableTopics;
import bullion.engine.ops.EngineMetrics;
import bullion.engine.ops.Health;
import bullion.engine.persistence.H2Housekeeping;
import bullion.engine.persistence.JournalHealth;
import bullion.engine.persistence.JournalRows;
import bullion.engine.persistence.JournalSchema;
import bullion.engine.persistence.SqliteFileLock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
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
    private final Optional<H2Housekeeping> housekeeping;
    private final Health nodeHealth;
    private final GroupSystem groups;
    /** SQLite's file, held from before the schema is checked until every connection to it is closed. */
    private final Optional<SqliteFileLock> fileLock;

    private TableSystem(
            ActorSystem<Void> system,
            Tables tables,
            JournalHealth health,
            Optional<H2Housekeeping> housekeeping,
            Health nodeHealth,
            GroupSystem groups,
            Optional<SqliteFileLock> fileLock) {
        this.system = system;
        this.tables = tables;
        this.health = health;
        this.housekeeping = housekeeping;
        this.nodeHealth = nodeHealth;
        this.groups = groups;
        this.fileLock = fileLock;
    }

    public static TableSystem start(EngineSettings settings) {
        return start(settings, CommandDecider::decide);
    }

    /** The table servers, reporting their figures into {@code metrics} (the app's Prometheus registry). */
    public static TableSystem start(EngineSettings settings, MeterRegistry metrics) {
        return start(settings, CommandDecider::decide, new EngineMetrics(metrics));
    }

    /**
     * The table servers with another decide function than the core's: for tests that inject a fault or a delay.
     *
     * @throws JournalSchema.DatabaseUnavailable if the database cannot be used within {@code settings.databaseWait()}
     */
    public static TableSystem start(EngineSettings settings, Decide decide) {
        return start(settings, decide, EngineMetrics.unread());
    }

    private static TableSystem start(EngineSettings settings, Decide decide, EngineMetrics metrics) {
        Optional<SqliteFileLock> fileLock = SqliteFileLock.acquire(settings.database());
        try {
            return start(settings, decide, metrics, fileLock);
        } catch (RuntimeException | Error e) {
            fileLock.ifPresent(SqliteFileLock::close);
            throw e;
        }
    }

    private static TableSystem start(
            EngineSettings settings, Decide decide, EngineMetrics metrics, Optional<SqliteFileLock> fileLock) {
        // Beside the start, on the other core: the first table recovered after a start then finds it done.
        StoredFormatWarmUp.start();
        JournalSchema.migrate(settings.database(), settings.databaseWait());
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bullion", EngineConfig.of(settings));
        Cluster cluster = Cluster.get(system);
        if (settings.seedNodes().isEmpty()) {
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
        }
        awaitUp(system, cluster);
        ActorRef<TableTopics.Message> topics =
                system.systemActorOf(TableTopics.create(), "table-topics", Props.empty());
        LiveTables live =
                new LiveTables(); // the tables of this node show themselves here, and Tables reads views from it
        TableEntity.Settings entitySettings = new TableEntity.Settings(
                settings.snapshotEvery(),
                settings.minBackoff(),
                settings.maxBackoff(),
                metrics,
                new JournalRows(settings.database())::delete,
                "",
                live);
        ClusterSharding sharding = ClusterSharding.get(system);
        sharding.init(Entity.of(
                TableEntity.TYPE_KEY,
                entity -> TableEntity.sharded(
                        entity.getEntityId(), entitySettings, decide, Clock.systemUTC(), topics, entity.getShard())));
        JournalHealth health = JournalHealth.probing(settings.database(), HEALTH_PROBE_EVERY);
        Optional<H2Housekeeping> housekeeping =
                settings.database().h2Directory().isPresent()
                        ? Optional.of(H2Housekeeping.start(health::openEmbeddedStore))
                        : Optional.empty();
        Tables tables = new Tables(
                sharding,
                topics,
                settings.askTimeout(),
                settings.askAgainAfter(),
                settings.deadlineBudget(),
                health::problem,
                Clock.systemUTC(),
                metrics,
                live);
        Health nodeHealth = Health.watching(
                system,
                TableEntity.TYPE_KEY.name(),
                health::problem,
                HEALTH_PROBE_EVERY,
                () -> tables.view(TableId.random(), Optional.empty()),
                metrics);
        GroupSystem groups = GroupSystem.start(system, sharding, tables, settings);
        return new TableSystem(system, tables, health, housekeeping, nodeHealth, groups, fileLock);
    }

    /**
     * Sharding only hands out tables once this node is Up; answering requests before then would make the first
     * ones time out, so start-up waits (bounded) for it, whether it joined itself or its seed nodes.
     */
    private static void awaitUp(ActorSystem<Void> system, Cluster cluster) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (cluster.selfMember().status() != MemberStatus.up()) {
            if (downedWhileJoining(system, cluster)) {
                system.terminate();
                throw new RemovedFromCluster("the other nodes removed this node while it was joining them");
            }
            if (System.nanoTime() > deadline) {
                system.terminate();
                throw new IllegalStateException("this node did not join a cluster within 30 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /**
     * Waiting out the 30 s would only delay the restart that is needed anyway: a downed member's actor system stops and
     * can never join again.
     */
    private static boolean downedWhileJoining(ActorSystem<Void> system, Cluster cluster) {
        // Not Removed: that is also what a node that has not joined yet reads as its own status.
        return cluster.selfMember().status() == MemberStatus.down()
                || system.getWhenTerminated().toCompletableFuture().isDone();
    }

    public Tables tables() {
        return tables;
    }

    /** Whether this node is alive and ready to serve changes, for the web's health routes. */
    public Health health() {
        return nodeHealth;
    }

    /** Groups of tables and their standings (see {@link GroupSystem}). */
    public Groups groups() {
        return groups.groups();
    }

    /** For tests and operations that need Pekko itself (cluster state, serialization); delivery layers never do. */
    public ActorSystem<Void> actorSystem() {
        return system;
    }

    /**
     * Completes once this node's table servers have stopped: after {@link #close}, or by themselves when the other
     * nodes downed this one (it was unreachable for too long) and it left the cluster. Then it serves no table again.
     */
    public CompletionStage<Void> whenStopped() {
        return system.getWhenTerminated().thenApply(done -> null);
    }

    /**
     * Leaves the cluster gracefully and stops every table; acknowledged events are already in the journal. Terminating
     * the actor system runs Pekko's coordinated shutdown: this node's tables are handed over to the other nodes (their
     * requests are buffered meanwhile), then the node leaves, so the others never wait for a failure detector.
     */
    @Override
    public void close() {
        nodeHealth.close();
        housekeeping.ifPresent(H2Housekeeping::close);
        health.close();
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("actor system did not stop in 30 s", e);
        } finally {
            try {
                groups.close();
            } finally {
                fileLock.ifPresent(SqliteFileLock::close);
            }
        }
    }
}

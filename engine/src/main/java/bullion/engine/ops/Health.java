package bullion.engine.ops;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * Whether this node is alive and whether it can serve a change now, for a load balancer's probes. Every check reads
 * what background probes last found (the journal's every 500 ms, the shard coordinator's every {@code every}) or
 * local state, so asking costs no database call and no message however often a balancer asks.
 *
 * <ul>
 *   <li><b>live</b>: the actor system runs. Once it has stopped (after this node was downed, say) nothing here serves a
 *       table again until the process restarts, which is what a liveness probe is for. The database is not a liveness
 *       check: a restart does not bring a database back.
 *   <li><b>ready</b>: live, and the journal takes writes, and this node is {@code Up} in the cluster and not stopping
 *       (not joining, not leaving: a node stopping gracefully turns not-ready first, {@link #stopping}, and goes on
 *       serving while the balancer drains it), and the shard
 *       coordinator has listed this node's region since start-up, so a table can be placed. A coordinator silent for
 *       longer than {@link #COORDINATOR_SILENCE} after that (it is moving after its node died) is named in the detail
 *       but keeps no node from being ready: it is the same for every node.
 * </ul>
 */
public final class Health implements AutoCloseable {

    /**
     * How long the shard coordinator may go without answering before the sharding check says so. Before it has ever
     * listed this node, the node is not ready; after, it stays ready (see {@link #ready}'s sharding check). Four
     * probes: one lost answer is not news.
     */
    public static final Duration COORDINATOR_SILENCE = Duration.ofSeconds(2);

    /** One check: its name ({@code actor-system}, {@code journal}, {@code cluster}, {@code sharding}), and why. */
    public record Check(String name, boolean ok, String detail) {}

    /** All checks of one question; {@code ok} when every one is. */
    public record Report(List<Check> checks) {
        public Report {
            checks = List.copyOf(checks);
        }

        public boolean ok() {
            return checks.stream().allMatch(Check::ok);
        }
    }

    private final ActorSystem<?> system;
    private final Supplier<Optional<String>> journalProblem;
    private final ShardingProbe sharding;
    /** Set once on SIGTERM ({@link #stopping}): never ready again in this process. */
    private volatile boolean stopping;

    private Health(ActorSystem<?> system, Supplier<Optional<String>> journalProblem, ShardingProbe sharding) {
        this.system = system;
        this.journalProblem = journalProblem;
        this.sharding = sharding;
    }

    /**
     * Starts watching this node: its shard region of {@code typeName} is asked every {@code every}, and until one answers,
     * {@code placeATable} (a view of a table that does not exist) is asked too; the live-tables and cluster-members gauges
     * are registered in {@code metrics}.
     */
    public static Health watching(
            ActorSystem<?> system,
            String typeName,
            Supplier<Optional<String>> journalProblem,
            Duration every,
            Supplier<CompletionStage<?>> placeATable,
            EngineMetrics metrics) {
        Cluster cluster = Cluster.get(system);
        ShardingProbe sharding = new ShardingProbe(
                ClusterSharding.get(Adapter.toClassic(system)).shardRegion(typeName),
                cluster.selfMember().address(),
                every,
                placeATable);
        metrics.liveTables(sharding::liveTables);
        metrics.clusterMembers(cluster);
        return new Health(system, journalProblem, sharding);
    }

    /**
     * This node is about to stop (SIGTERM): from now on it is not ready, while it still serves every request that
     * reaches it, so a load balancer that follows readiness stops sending it requests before it stops answering them.
     */
    public void stopping() {
        stopping = true;
    }

    public Report live() {
        return new Report(List.of(actorSystem()));
    }

    public Report ready() {
        return new Report(List.of(actorSystem(), journal(), cluster(), sharding()));
    }

    private Check actorSystem() {
        boolean running = !system.getWhenTerminated().toCompletableFuture().isDone();
        return new Check(
                "actor-system",
                running,
                running ? "running" : "stopped: this node serves no table until it is restarted");
    }

    private Check journal() {
        // The problem itself is logged by JournalHealth; it may name the database, which a public probe should not.
        return journalProblem
                .get()
                .map(problem -> new Check(
                        "journal", false, "the journal cannot take a write now, so changes are refused (see the log)"))
                .orElse(new Check("journal", true, "takes writes"));
    }

    private Check cluster() {
        Member self = Cluster.get(system).selfMember();
        if (stopping) {
            return new Check("cluster", false, "this node is stopping: it finishes its requests, then leaves");
        }
        boolean up = self.status() == MemberStatus.up();
        return new Check("cluster", up, "this node is " + self.status());
    }

    private Check sharding() {
        if (!sharding.placed()) {
            return new Check("sharding", false, "no table has been placed on this node since it started");
        }
        Optional<Duration> registered = sharding.sinceRegistered();
        if (registered.isPresent() && registered.get().compareTo(COORDINATOR_SILENCE) <= 0) {
            return new Check("sharding", true, "the shard coordinator knows this node");
        }
        if (registered.isPresent()) {
            // The coordinator is moving (its node died and is being downed): no node can place a new table until it is
            // back, and every node serves the tables already placed. Turning away from every node at once would leave
            // a balancer nowhere to send even those (Caddy answers 503 when no upstream is ready), so this node stays
            // ready; requests for a table without a home wait for the coordinator on whichever node they reach.
            return new Check(
                    "sharding",
                    true,
                    "the shard coordinator knew this node and has not answered for "
                            + registered.get().toMillis() + " ms: new tables wait for it, placed tables answer");
        }
        Optional<Duration> answered = sharding.sinceAnswered();
        if (answered.isPresent() && answered.get().compareTo(COORDINATOR_SILENCE) <= 0) {
            return new Check("sharding", false, "the shard coordinator does not list this node yet");
        }
        return new Check(
                "sharding",
                false,
                answered.map(d -> "the shard coordinator has not answered for " + d.toMillis() + " ms")
                        .orElse("the shard coordinator has not answered yet"));
    }

    @Override
    public void close() {
        sharding.close();
    }
}

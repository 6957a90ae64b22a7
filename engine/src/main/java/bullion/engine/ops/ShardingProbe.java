package bullion.engine.ops;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.pattern.Patterns;

/**
 * Asks this node's shard region, every {@code every} on a thread of its own (more often until it is first ready), two
 * things: the regions the shard coordinator knows (the region forwards the question to the coordinator, so an answer
 * that lists this node means the coordinator is reachable and would place a new table here), and how many tables the
 * region runs here now. Until one has answered, it also places a table that does not exist (a view of a random id:
 * sharding allocates its shard, the table recovers from the journal, finds nothing and stops), so the first real table
 * does not pay for the journal plugin's start (its pool, its first queries: several seconds on a loaded machine) while
 * the node already says it is ready. Readiness and the live-tables gauge read the last answers, so a health check or a
 * scrape costs no message.
 */
final class ShardingProbe implements AutoCloseable {

    /**
     * How often to ask while this node is not yet ready (nothing placed here yet, or the coordinator has not yet listed
     * it): a start is ready at the first answers that say so, not up to a whole {@code every} later (BENCHMARKS.md,
     * "Ready at the first answer"). At most one question of each kind is in flight, so asking often costs no more
     * messages than the answers allow.
     */
    static final Duration UNTIL_READY = Duration.ofMillis(20);

    /** The coordinator's last answer that listed this node, as {@link System#nanoTime}; 0 before the first. */
    private volatile long registeredAtNanos;
    /** The coordinator's last answer of any kind. */
    private volatile long answeredAtNanos;

    private volatile int liveTables;
    /** Whether a table has been placed here and answered since start-up. */
    private volatile boolean placed;

    private final ActorRef region;
    private final Supplier<CompletionStage<?>> placeATable;
    private final AtomicBoolean placing = new AtomicBoolean();
    private final Address self;
    private final Duration every;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean regionsAsked = new AtomicBoolean();
    private final AtomicBoolean stateAsked = new AtomicBoolean();

    ShardingProbe(ActorRef region, Address self, Duration every, Supplier<CompletionStage<?>> placeATable) {
        this.region = region;
        this.placeATable = placeATable;
        this.self = self;
        this.every = every;
        this.timeout = every.multipliedBy(2);
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bullion-sharding-probe");
            thread.setDaemon(true);
            return thread;
        });
        timer.execute(this::probeThenWait);
    }

    /** One probe; the next one {@link #UNTIL_READY} later until this node has been ready once, {@code every} after. */
    private void probeThenWait() {
        try {
            probe();
        } finally {
            Duration wait = placed && registeredAtNanos != 0 ? every : UNTIL_READY;
            try {
                timer.schedule(this::probeThenWait, wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                // close() has stopped the timer: no more probes.
            }
        }
    }

    private void probe() {
        if (!placed && placing.compareAndSet(false, true)) {
            placeATable.get().whenComplete((answer, error) -> {
                placing.set(false);
                placed = error == null;
            });
        }
        // One question of each kind in flight at a time: a coordinator that does not answer is not asked twice as much.
        if (regionsAsked.compareAndSet(false, true)) {
            Patterns.ask(region, ShardRegion.getCurrentRegionsInstance(), timeout)
                    .whenComplete((answer, error) -> {
                        regionsAsked.set(false);
                        if (answer instanceof ShardRegion.CurrentRegions regions) {
                            long now = System.nanoTime();
                            answeredAtNanos = now;
                            if (regions.getRegions().contains(self)) {
                                registeredAtNanos = now;
                            }
                        }
                    });
        }
        if (stateAsked.compareAndSet(false, true)) {
            Patterns.ask(region, ShardRegion.getShardRegionStateInstance(), timeout)
                    .whenComplete((answer, error) -> {
                        stateAsked.set(false);
                        if (answer instanceof ShardRegion.CurrentShardRegionState state) {
                            liveTables = state.getShards().stream()
                                    .mapToInt(shard -> shard.getEntityIds().size())
                                    .sum();
                        }
                    });
        }
    }

    /** How long ago the coordinator last answered listing this node's region; empty if it never has. */
    Optional<Duration> sinceRegistered() {
        return since(registeredAtNanos);
    }

    /** How long ago the coordinator last answered at all; empty if it never has. */
    Optional<Duration> sinceAnswered() {
        return since(answeredAtNanos);
    }

    private static Optional<Duration> since(long nanos) {
        return nanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - nanos));
    }

    /** Whether a table has been placed and answered since start-up (so the journal plugin has started). */
    boolean placed() {
        return placed;
    }

    /** Tables running on this node at the last count (at most one probe interval old). */
    int liveTables() {
        return liveTables;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

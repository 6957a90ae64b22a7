package bullion.engine.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.stream.StreamSupport;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The engine's own figures, in the Micrometer registry the app gives it (the web serves that registry as Prometheus
 * text; the engine never knows). Changes are counted where the facade hears their outcome, so they are the changes
 * asked on this node, whichever node runs the table; a journal write is timed by the table that waited for it.
 */
public final class EngineMetrics {

    /** What became of a change, as the caller was told. A small fixed set: each is a time series. */
    public enum ChangeOutcome {
        /** Recorded (or, for a repeated request id, had been). */
        ACCEPTED,
        /** A rule of the game refused it; nothing recorded. */
        REFUSED,
        /** Wrong manage token. */
        FORBIDDEN,
        /** No such table. */
        NOT_FOUND,
        /** Its request id was used before for another command. */
        REQUEST_ID_REUSED,
        /** Not recorded: timed out, or refused at once while the journal is down (a 503). */
        NOT_RECORDED,
        /** Anything else (a bug): the caller got a 500. */
        FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Bucket bounds of the latency histograms: a few, so each series stays small, spanning a fast local write (a
     * millisecond) to the ask timeout (10 s).
     */
    public static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private final MeterRegistry registry;
    private final Timer journalWrites;
    private final Map<String, Counter> changes = new ConcurrentHashMap<>();

    public EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.journalWrites = Timer.builder("bullion.journal.write")
                .description("From a table asking the journal to write a change until the journal confirmed it")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    /** Figures kept in memory and read by no one: for callers (tests, tools) that start the engine without an app. */
    public static EngineMetrics unread() {
        return new EngineMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** One change of {@code kind} (the command's stored name, e.g. {@code BuyIn}) ended as {@code outcome}. */
    public void change(String kind, ChangeOutcome outcome) {
        changes.computeIfAbsent(
                        kind + " " + outcome,
                        key -> Counter.builder("bullion.changes")
                                .description("Changes asked on this node, by command and what became of them")
                                .tag("kind", kind)
                                .tag("outcome", outcome.tag())
                                .register(registry))
                .increment();
    }

    /** Every status a member can have, so each has a series (at zero when no member has it). */
    private static final List<MemberStatus> MEMBER_STATUSES = List.of(
            MemberStatus.joining(),
            MemberStatus.weaklyUp(),
            MemberStatus.up(),
            MemberStatus.leaving(),
            MemberStatus.exiting(),
            MemberStatus.down(),
            MemberStatus.removed(),
            MemberStatus.shuttingDown(),
            MemberStatus.shutDown());

    /** The tables running on this node, as last counted. */
    void liveTables(IntSupplier count) {
        Gauge.builder("bullion.tables.live", count::getAsInt)
                .description("Tables running on this node")
                .register(registry);
    }

    /** The cluster's members by status, and how many this node cannot reach, as this node sees them now. */
    void clusterMembers(Cluster cluster) {
        for (MemberStatus status : MEMBER_STATUSES) {
            Gauge.builder(
                            "bullion.cluster.members",
                            cluster,
                            c -> StreamSupport.stream(c.state().getMembers().spliterator(), false)
                                    .filter(member -> member.status() == status)
                                    .count())
                    .description("Members of the cluster by status, as this node sees them")
                    .tag("status", status.toString().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder(
                        "bullion.cluster.unreachable",
                        cluster,
                        c -> c.state().getUnreachable().size())
                .description("Members this node cannot reach now")
                .register(registry);
    }

    /** A journal write that succeeded after {@code nanos}. */
    public void journalWrite(long nanos) {
        journalWrites.record(Duration.ofNanos(nanos));
    }
}

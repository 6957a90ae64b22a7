package bullion.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.Props;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The probe asks again soon while this node is not yet ready, and at its interval once it is: a start is ready at the
 * coordinator's first answer that lists this node, not an interval later (here an hour, so only the quick re-asking
 * can get there).
 */
class ShardingProbeTest {

    private static final ActorSystem SYSTEM =
            ActorSystem.create("sharding-probe-test", ConfigFactory.parseString("pekko.actor.provider = local"));
    private static final Address SELF = new Address("pekko", "bullion", "127.0.0.1", 25520);
    private static final Duration AN_HOUR = Duration.ofHours(1);

    @AfterAll
    static void stop() {
        TestKit.shutdownActorSystem(SYSTEM);
    }

    /** A shard region whose coordinator lists this node from the {@code listsFrom}-th question on. */
    private static final class Region extends AbstractActor {
        private final AtomicInteger asked;
        private final int listsFrom;

        Region(AtomicInteger asked, int listsFrom) {
            this.asked = asked;
            this.listsFrom = listsFrom;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder()
                    .matchEquals(ShardRegion.getCurrentRegionsInstance(), question -> {
                        var regions = scala.collection.immutable.Set$.MODULE$.<Address>empty();
                        if (asked.incrementAndGet() >= listsFrom) {
                            regions = regions.incl(SELF);
                        }
                        getSender().tell(new ShardRegion.CurrentRegions(regions), getSelf());
                    })
                    // The live-tables count is not what this test is about: left unanswered.
                    .matchAny(other -> {})
                    .build();
        }
    }

    private static ActorRef region(AtomicInteger asked, int listsFrom) {
        return SYSTEM.actorOf(Props.create(Region.class, () -> new Region(asked, listsFrom)));
    }

    @Test
    void aNodeNotYetListedIsAskedAboutAgainUntilItIs() throws InterruptedException {
        AtomicInteger asked = new AtomicInteger();
        try (ShardingProbe probe = placingAtOnce(region(asked, 3))) {
            awaitRegistered(probe);

            assertThat(asked.get()).isGreaterThanOrEqualTo(3);
            assertThat(probe.placed()).isTrue();
        }
    }

    @Test
    void onceReadyTheProbeWaitsItsIntervalBeforeAskingAgain() throws InterruptedException {
        AtomicInteger asked = new AtomicInteger();
        try (ShardingProbe probe = placingAtOnce(region(asked, 1))) {
            awaitRegistered(probe);
            int whenReady = asked.get();
            // A probe already scheduled when the answer came may still ask once.
            Thread.sleep(ShardingProbe.UNTIL_READY.multipliedBy(10).toMillis());
            int settled = asked.get();

            Thread.sleep(ShardingProbe.UNTIL_READY.multipliedBy(20).toMillis());

            assertThat(settled).isLessThanOrEqualTo(whenReady + 1);
            assertThat(asked.get()).isEqualTo(settled);
        }
    }

    @Test
    void aTableNotYetPlacedKeepsTheProbeAskingEvenOnceListed() throws InterruptedException {
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger placings = new AtomicInteger();
        // The first placement fails (the journal is not up yet, say); the second succeeds.
        try (ShardingProbe probe = new ShardingProbe(
                region(asked, 1),
                SELF,
                AN_HOUR,
                () -> placings.incrementAndGet() == 1
                        ? CompletableFuture.failedFuture(new IllegalStateException("not yet"))
                        : CompletableFuture.completedFuture("placed"))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!probe.placed() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }

            assertThat(probe.placed()).isTrue();
            assertThat(placings.get()).isEqualTo(2);
        }
    }

    /** A probe of {@code region}, at an hour's interval, whose placement of a table succeeds at once. */
    private static ShardingProbe placingAtOnce(ActorRef region) {
        return new ShardingProbe(region, SELF, AN_HOUR, () -> CompletableFuture.completedFuture("placed"));
    }

    private static void awaitRegistered(ShardingProbe probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (probe.sinceRegistered().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(probe.sinceRegistered()).isPresent();
    }
}

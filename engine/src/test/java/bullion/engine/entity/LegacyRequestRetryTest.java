package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.core.CommandDecider;
import bullion.core.Event;
import bullion.engine.ManageToken;
import bullion.engine.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A request journaled before fingerprints were canonical carries the hash of its command's toString(); a retry
 * of it after the upgrade is the same request, not a reused id.
 */
class LegacyRequestRetryTest {

    private static final ActorTestKit KIT = ActorTestKit.create(LocalTestConfig.withInMemoryJournal());
    private static final String TOKEN = "the-manage-token";
    /** SHA-256 of "AddPlayer[name=Ari]", as the first release stored it. */
    private static final String LEGACY_FINGERPRINT = "f0ed62ebb4690d87db2da924948eb62b";

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private static EventSourcedBehaviorTestKit<TableMessage, StoredEvent, TableState>
            tableJournaledByTheFirstRelease() {
        var table = EventSourcedBehaviorTestKit.<TableMessage, StoredEvent, TableState>create(
                KIT.system(),
                TableEntity.create(
                        "table-1",
                        new TableEntity.Settings(100, Duration.ofMillis(10), Duration.ofMillis(100)),
                        CommandDecider::decide,
                        Clock.fixed(Instant.parse("2026-11-27T20:00:00Z"), ZoneOffset.UTC),
                        KIT.<TableTopics.Message>createTestProbe().ref(),
                        KIT.<org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding.ShardCommand>
                                        createTestProbe()
                                .ref()));
        table.initialize(
                new StoredEvent.TableCreated(
                        new Event.TableOpened("Friday", "USD", 2000, 100), ManageToken.hash(TOKEN)),
                new StoredEvent.Recorded(
                        new Event.PlayerJoined(1, "Ari"),
                        Optional.of(new StoredEvent.RequestRef("req-1", LEGACY_FINGERPRINT))));
        return table;
    }

    @Test
    void aRetryOfARequestJournaledWithALegacyFingerprintGetsItsFirstOutcome() {
        var table = tableJournaledByTheFirstRelease();
        var retry = table.<Outcome>runCommand(
                replyTo -> new TableMessage.Change(new Command.AddPlayer("Ari"), TOKEN, Optional.of("req-1"), replyTo));
        assertThat(retry.events()).isEmpty();
        assertThat(retry.reply()).isInstanceOf(Outcome.Done.class);
        assertThat(((Outcome.Done) retry.reply()).events()).containsExactly(new Event.PlayerJoined(1, "Ari"));
    }

    @Test
    void theSameLegacyRequestIdWithAnotherCommandIsStillAReusedId() {
        var table = tableJournaledByTheFirstRelease();
        var reused = table.<Outcome>runCommand(
                replyTo -> new TableMessage.Change(new Command.AddPlayer("Bo"), TOKEN, Optional.of("req-1"), replyTo));
        assertThat(reused.events()).isEmpty();
        assertThat(reused.reply()).isEqualTo(new Outcome.RequestIdReused("req-1"));
    }
}

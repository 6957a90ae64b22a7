package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.core.CommandDecider;
import bullion.core.Decision;
import bullion.core.EventApplier;
import bullion.core.Rejection;
import bullion.core.Table;
import bullion.engine.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Replies cross nodes in a cluster, so every kind of outcome must survive JSON both ways. */
class OutcomeJsonTest {

    private static final ActorTestKit KIT = ActorTestKit.create(LocalTestConfig.withInMemoryJournal());

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @Test
    void everyOutcomeAndEveryRejectionRoundTrips() {
        Table table = EventApplier.apply(
                Optional.empty(),
                ((Decision.Accepted) CommandDecider.decide(
                                Optional.empty(),
                                new Command.OpenTable("T", "JPY", new BigDecimal("1000"), 7),
                                Instant.EPOCH))
                        .events()
                        .getFirst());
        List<Outcome> outcomes = List.of(
                new Outcome.Done(table, List.of(), true),
                new Outcome.NotFound(),
                new Outcome.Forbidden(),
                new Outcome.RequestIdReused("r1"),
                new Outcome.Refused(new Rejection.NotEnoughChipsOnTable(5, 3)),
                new Outcome.Refused(new Rejection.TableClosed()));
        var serialization = SerializationExtension.get(KIT.system());
        for (Outcome outcome : outcomes) {
            byte[] bytes = serialization.serialize(outcome).get();
            var serializer = serialization.findSerializerFor(outcome);
            Object back = serialization
                    .deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, outcome))
                    .get();
            assertThat(back).isEqualTo(outcome);
        }
    }
}

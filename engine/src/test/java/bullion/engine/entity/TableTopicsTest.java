package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.TableChanged;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.Effect;
import org.apache.pekko.actor.testkit.typed.javadsl.BehaviorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestInbox;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.junit.jupiter.api.Test;

/**
 * A node keeps one topic for every table's changes, never an actor per table; it subscribes to it while someone here
 * listens, and hands each change it hears to the listeners of that table only.
 */
class TableTopicsTest {

    private final BehaviorTestKit<TableTopics.Message> topics = BehaviorTestKit.create(TableTopics.create());

    private List<String> effects() {
        return topics.getAllEffects().stream()
                .map(e -> switch (e) {
                    case Effect.Spawned<?> s -> "spawned " + s.childName();
                    case Effect.Stopped s -> "stopped " + s.childName();
                    default -> e.getClass().getSimpleName();
                })
                .filter(e -> e.startsWith("spawned") || e.startsWith("stopped"))
                .collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private TestInbox<Topic.Command<TableChanged>> topic() {
        return (TestInbox<Topic.Command<TableChanged>>) (TestInbox<?>) topics.childInbox(TableTopics.TOPIC);
    }

    @Test
    void changesToManyTablesGoToTheNodesOneTopicWithNoActorPerTable() {
        assertThat(effects()).containsExactly("spawned " + TableTopics.TOPIC);
        topics.run(new TableTopics.Publish(new TableChanged("t1", 2)));
        topics.run(new TableTopics.Publish(new TableChanged("t2", 7)));
        topics.run(new TableTopics.Publish(new TableChanged("t1", 3)));
        assertThat(effects()).isEmpty();
        assertThat(topic().getAllReceived()).hasSize(3);
    }

    @Test
    void theNodeSubscribesWhileAnyoneHereListensAndHandsAChangeOnlyToThatTablesListeners() {
        effects();
        topics.run(new TableTopics.Listen("t1", "a", change -> {}));
        topics.run(new TableTopics.Listen("t1", "b", change -> {}));
        topics.run(new TableTopics.Listen("t2", "c", change -> {}));
        assertThat(effects()).containsExactly("spawned listener-a", "spawned listener-b", "spawned listener-c");
        assertThat(topic().getAllReceived()).as("subscribed once").hasSize(1);

        topics.run(new TableTopics.Heard(new TableChanged("t1", 4)));
        assertThat(topics.childInbox("listener-a").getAllReceived()).containsExactly(new TableChanged("t1", 4));
        assertThat(topics.childInbox("listener-b").getAllReceived()).containsExactly(new TableChanged("t1", 4));
        assertThat(topics.childInbox("listener-c").getAllReceived()).isEmpty();

        topics.run(new TableTopics.StopListening("a"));
        topics.run(new TableTopics.StopListening("c"));
        assertThat(effects()).containsExactly("stopped listener-a", "stopped listener-c");
        assertThat(topic().getAllReceived()).as("still someone listening").isEmpty();
        topics.run(new TableTopics.StopListening("b"));
        assertThat(effects()).containsExactly("stopped listener-b");
        assertThat(topic().getAllReceived())
                .as("unsubscribed when the last listener left")
                .hasSize(1);
        topics.run(new TableTopics.Heard(new TableChanged("t1", 5)));
        assertThat(effects()).isEmpty();
    }
}

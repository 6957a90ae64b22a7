package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.TableChanged;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.Effect;
import org.apache.pekko.actor.testkit.typed.javadsl.BehaviorTestKit;
import org.junit.jupiter.api.Test;

/** A table's topic lives while the table runs here or someone here listens, and not a moment longer. */
class TableTopicsTest {

    private final BehaviorTestKit<TableTopics.Message> topics = BehaviorTestKit.create(TableTopics.create());

    private List<String> effects() {
        return topics.getAllEffects().stream()
                .map(e -> switch (e) {
                    case Effect.Spawned<?> s -> "spawned " + s.childName();
                    case Effect.Stopped s -> "stopped " + s.childName();
                    default -> e.getClass().getSimpleName();
                })
                .collect(Collectors.toList());
    }

    @Test
    void aTopicIsDroppedOnceItsTableStopsAndNobodyListens() {
        topics.run(new TableTopics.Publish(new TableChanged("t1", 2)));
        assertThat(effects()).containsExactly("spawned table-t1-1");
        topics.run(new TableTopics.Publish(new TableChanged("t1", 3)));
        assertThat(effects()).isEmpty();
        topics.run(new TableTopics.TableStopped("t1"));
        assertThat(effects()).containsExactly("stopped table-t1-1");
        topics.run(new TableTopics.Publish(new TableChanged("t1", 4)));
        assertThat(effects()).containsExactly("spawned table-t1-2");
    }

    @Test
    void aTopicWithListenersOutlivesItsTableUntilTheLastListenerLeaves() {
        topics.run(new TableTopics.Listen("t2", "a", change -> {}));
        topics.run(new TableTopics.Listen("t2", "b", change -> {}));
        topics.run(new TableTopics.Publish(new TableChanged("t2", 5)));
        assertThat(effects()).containsExactly("spawned listener-a", "spawned table-t2-1", "spawned listener-b");
        topics.run(new TableTopics.TableStopped("t2"));
        topics.run(new TableTopics.StopListening("a"));
        assertThat(effects()).containsExactly("stopped listener-a");
        topics.run(new TableTopics.StopListening("b"));
        assertThat(effects()).containsExactly("stopped listener-b", "stopped table-t2-1");
    }
}

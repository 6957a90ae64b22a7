package bullion.engine.entity;

import bullion.engine.TableChanged;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * One per node: keeps a Pekko pub-sub {@link Topic} per table ("table-&lt;id&gt;"). Topics with the same name
 * find each other through the cluster receptionist, so a change published on one node reaches subscribers
 * on every node.
 */
public final class TableTopics {

  public sealed interface Message {}

  public record Publish(TableChanged change) implements Message {}

  public record Subscribe(String tableId, ActorRef<TableChanged> subscriber) implements Message {}

  public record Unsubscribe(String tableId, ActorRef<TableChanged> subscriber) implements Message {}

  private TableTopics() {}

  public static Behavior<Message> create() {
    return Behaviors.setup(context -> {
      Map<String, ActorRef<Topic.Command<TableChanged>>> topics = new HashMap<>();
      java.util.function.Function<String, ActorRef<Topic.Command<TableChanged>>> topic = id ->
          topics.computeIfAbsent(id, key -> context.spawn(Topic.create(TableChanged.class, "table-" + key), "table-" + key));
      return Behaviors.receive(Message.class)
          .onMessage(Publish.class, p -> {
            topic.apply(p.change().tableId()).tell(Topic.publish(p.change()));
            return Behaviors.same();
          })
          .onMessage(Subscribe.class, s -> {
            topic.apply(s.tableId()).tell(Topic.subscribe(s.subscriber()));
            return Behaviors.same();
          })
          .onMessage(Unsubscribe.class, u -> {
            topic.apply(u.tableId()).tell(Topic.unsubscribe(u.subscriber()));
            return Behaviors.same();
          })
          .build();
    });
  }
}

package bullion.engine.entity;

import bullion.engine.TableChanged;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * One per node: keeps a Pekko pub-sub {@link Topic} per table ("table-&lt;id&gt;") and the listeners of this
 * node. Topics with the same name find each other through the cluster receptionist, so a change published on
 * one node reaches listeners on every node.
 *
 * <p>Listening and publishing both pass through this one actor, so a listener registered before a change is
 * published on this node always hears it.
 */
public final class TableTopics {

  public sealed interface Message {}

  public record Publish(TableChanged change) implements Message {}

  /** Calls {@code listener} for every change to the table until {@link StopListening} with the same id. */
  public record Listen(String tableId, String listenerId, Consumer<TableChanged> listener) implements Message {}

  public record StopListening(String listenerId) implements Message {}

  private record Listener(String tableId, ActorRef<TableChanged> ref) {}

  private TableTopics() {}

  public static Behavior<Message> create() {
    return Behaviors.setup(context -> {
      Map<String, ActorRef<Topic.Command<TableChanged>>> topics = new HashMap<>();
      Map<String, Listener> listeners = new HashMap<>();
      java.util.function.Function<String, ActorRef<Topic.Command<TableChanged>>> topic = id ->
          topics.computeIfAbsent(id, key -> context.spawn(Topic.create(TableChanged.class, "table-" + key), "table-" + key));
      return Behaviors.receive(Message.class)
          .onMessage(Publish.class, p -> {
            topic.apply(p.change().tableId()).tell(Topic.publish(p.change()));
            return Behaviors.same();
          })
          .onMessage(Listen.class, l -> {
            ActorRef<TableChanged> ref = spawnListener(context, l);
            listeners.put(l.listenerId(), new Listener(l.tableId(), ref));
            topic.apply(l.tableId()).tell(Topic.subscribe(ref));
            return Behaviors.same();
          })
          .onMessage(StopListening.class, s -> {
            Listener listener = listeners.remove(s.listenerId());
            if (listener != null) {
              topic.apply(listener.tableId()).tell(Topic.unsubscribe(listener.ref()));
              context.stop(listener.ref());
            }
            return Behaviors.same();
          })
          .build();
    });
  }

  private static ActorRef<TableChanged> spawnListener(ActorContext<Message> context, Listen listen) {
    return context.spawn(Behaviors.receiveMessage(change -> {
      listen.listener().accept(change);
      return Behaviors.same();
    }), "listener-" + listen.listenerId());
  }
}

package bullion.engine.entity;

import bullion.engine.TableChanged;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
 * published on this node always hears it. A table's topic lives while its table runs on this node or this
 * node has listeners for it, so a node that has served many tables does not keep a topic for each forever.
 */
public final class TableTopics {

    public sealed interface Message {}

    public record Publish(TableChanged change) implements Message {}

    /** Calls {@code listener} for every change to the table until {@link StopListening} with the same id. */
    public record Listen(String tableId, String listenerId, Consumer<TableChanged> listener) implements Message {}

    public record StopListening(String listenerId) implements Message {}

    /** The table's process on this node stopped (passivated or shut down). */
    public record TableStopped(String tableId) implements Message {}

    private record Listener(String tableId, ActorRef<TableChanged> ref) {}

    private TableTopics() {}

    public static Behavior<Message> create() {
        return Behaviors.setup(context -> new State(context).behavior());
    }

    private static final class State {
        private final ActorContext<Message> context;
        private final Map<String, ActorRef<Topic.Command<TableChanged>>> topics = new HashMap<>();
        private final Map<String, Listener> listeners = new HashMap<>();
        private final Set<String> running = new HashSet<>();
        private long spawned;

        State(ActorContext<Message> context) {
            this.context = context;
        }

        Behavior<Message> behavior() {
            return Behaviors.receive(Message.class)
                    .onMessage(Publish.class, p -> {
                        running.add(p.change().tableId());
                        topic(p.change().tableId()).tell(Topic.publish(p.change()));
                        return Behaviors.same();
                    })
                    .onMessage(Listen.class, l -> {
                        ActorRef<TableChanged> ref = context.spawn(
                                Behaviors.receiveMessage(change -> {
                                    l.listener().accept(change);
                                    return Behaviors.same();
                                }),
                                "listener-" + l.listenerId());
                        listeners.put(l.listenerId(), new Listener(l.tableId(), ref));
                        topic(l.tableId()).tell(Topic.subscribe(ref));
                        return Behaviors.same();
                    })
                    .onMessage(StopListening.class, s -> {
                        Listener listener = listeners.remove(s.listenerId());
                        if (listener != null) {
                            topic(listener.tableId()).tell(Topic.unsubscribe(listener.ref()));
                            context.stop(listener.ref());
                            dropTopicIfUnused(listener.tableId());
                        }
                        return Behaviors.same();
                    })
                    .onMessage(TableStopped.class, t -> {
                        running.remove(t.tableId());
                        dropTopicIfUnused(t.tableId());
                        return Behaviors.same();
                    })
                    .build();
        }

        private ActorRef<Topic.Command<TableChanged>> topic(String tableId) {
            // Names carry a counter: a stopped topic's name stays taken until it has terminated.
            return topics.computeIfAbsent(
                    tableId,
                    id -> context.spawn(
                            Topic.create(TableChanged.class, "table-" + id), "table-" + id + "-" + (++spawned)));
        }

        private void dropTopicIfUnused(String tableId) {
            boolean listened =
                    listeners.values().stream().anyMatch(l -> l.tableId().equals(tableId));
            if (!listened && !running.contains(tableId)) {
                ActorRef<Topic.Command<TableChanged>> topic = topics.remove(tableId);
                if (topic != null) {
                    context.stop(topic);
                }
            }
        }
    }
}

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
 * One per node: the node's listeners to table changes and its one Pekko pub-sub {@link Topic} of every table's
 * changes ({@value #TOPIC}). Topics of the same name find each other through the cluster receptionist, so a change
 * published on one node reaches every node that has a listener, and each hands it to its listeners of that table.
 *
 * <p>One topic per node, not one per table: a topic is an actor with its own receptionist subscription, and a topic
 * per running table cost every live table about 1 KB even when nobody watched it (BENCHMARKS.md, "Idle tables").
 * The price is that a node with any listener hears every change made in the cluster, a message of a few bytes, and
 * drops those of tables nobody there watches; a cluster of a handful of nodes is what Bullion runs.
 *
 * <p>Listening and publishing both pass through this one actor and through the one topic in that order, so a listener
 * registered before a change is published on this node always hears it. The node subscribes to the topic while it has
 * at least one listener, and only then does a change published elsewhere travel to it.
 */
public final class TableTopics {

    /** The topic's name, the same on every node: how the nodes' topics find each other. */
    static final String TOPIC = "table-changes";

    public sealed interface Message {}

    public record Publish(TableChanged change) implements Message {}

    /** Calls {@code listener} for every change to the table until {@link StopListening} with the same id. */
    public record Listen(String tableId, String listenerId, Consumer<TableChanged> listener) implements Message {}

    public record StopListening(String listenerId) implements Message {}

    /** A change heard on the topic, from this node or another. */
    record Heard(TableChanged change) implements Message {}

    private record Listener(String tableId, ActorRef<TableChanged> ref) {}

    private TableTopics() {}

    public static Behavior<Message> create() {
        return Behaviors.setup(context -> new State(context).behavior());
    }

    private static final class State {
        private final ActorContext<Message> context;
        private final ActorRef<Topic.Command<TableChanged>> topic;
        private final ActorRef<TableChanged> heard;
        private final Map<String, Listener> listeners = new HashMap<>();
        /** Each table listened to on this node, by id: its listeners by their ids. */
        private final Map<String, Map<String, ActorRef<TableChanged>>> byTable = new HashMap<>();

        State(ActorContext<Message> context) {
            this.context = context;
            this.topic = context.spawn(Topic.create(TableChanged.class, TOPIC), TOPIC);
            this.heard = context.messageAdapter(TableChanged.class, Heard::new);
        }

        Behavior<Message> behavior() {
            return Behaviors.receive(Message.class)
                    .onMessage(Publish.class, p -> {
                        topic.tell(Topic.publish(p.change()));
                        return Behaviors.same();
                    })
                    .onMessage(Listen.class, l -> {
                        ActorRef<TableChanged> ref = context.spawn(
                                Behaviors.receiveMessage(change -> {
                                    l.listener().accept(change);
                                    return Behaviors.same();
                                }),
                                "listener-" + l.listenerId());
                        if (listeners.isEmpty()) {
                            topic.tell(Topic.subscribe(heard));
                        }
                        listeners.put(l.listenerId(), new Listener(l.tableId(), ref));
                        byTable.computeIfAbsent(l.tableId(), id -> new HashMap<>())
                                .put(l.listenerId(), ref);
                        return Behaviors.same();
                    })
                    .onMessage(StopListening.class, s -> {
                        Listener listener = listeners.remove(s.listenerId());
                        if (listener != null) {
                            Map<String, ActorRef<TableChanged>> ofTable = byTable.get(listener.tableId());
                            ofTable.remove(s.listenerId());
                            if (ofTable.isEmpty()) {
                                byTable.remove(listener.tableId());
                            }
                            context.stop(listener.ref());
                            if (listeners.isEmpty()) {
                                topic.tell(Topic.unsubscribe(heard));
                            }
                        }
                        return Behaviors.same();
                    })
                    .onMessage(Heard.class, h -> {
                        byTable.getOrDefault(h.change().tableId(), Map.of())
                                .values()
                                .forEach(ref -> ref.tell(h.change()));
                        return Behaviors.same();
                    })
                    .build();
        }
    }
}

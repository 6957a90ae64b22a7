package bullion.engine;

import bullion.engine.entity.TableTopics;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** A small actor behind {@link Tables#subscribe}: it listens on a table's topic until told to stop. */
final class Subscriber {

  sealed interface Message {}

  record Notice(TableChanged change) implements Message {}

  record Stop() implements Message {}

  private Subscriber() {}

  static Behavior<Message> create(String tableId, ActorRef<TableTopics.Message> topics, Consumer<TableChanged> listener) {
    return Behaviors.setup(ctx -> {
      ActorRef<TableChanged> inbox = ctx.messageAdapter(TableChanged.class, Notice::new);
      topics.tell(new TableTopics.Subscribe(tableId, inbox));
      return Behaviors.receive(Message.class)
          .onMessage(Notice.class, notice -> {
            listener.accept(notice.change());
            return Behaviors.same();
          })
          .onMessage(Stop.class, stop -> {
            topics.tell(new TableTopics.Unsubscribe(tableId, inbox));
            return Behaviors.stopped();
          })
          .build();
    });
  }
}

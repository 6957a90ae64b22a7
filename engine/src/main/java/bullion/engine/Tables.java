package bullion.engine;

import bullion.core.Command;
import bullion.engine.entity.TableEntity;
import bullion.engine.entity.TableMessage;
import bullion.engine.entity.TableTopics;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * The facade the web pages and the JSON API call. Every method is asynchronous and answers an
 * {@link Outcome}; no caller ever sees an actor. A table that is not running is started (and rehydrated
 * from its journal) by whichever request reaches it first.
 */
public final class Tables {

  /** A newly opened table: its id, the manage token (shown once, stored only as a hash) and the outcome. */
  public record Opened(TableId id, String manageToken, Outcome outcome) {
    /** Never prints the token: this value is easy to log by accident. */
    @Override
    public String toString() {
      return "Opened[id=" + id + ", outcome=" + outcome + "]";
    }
  }

  private final ClusterSharding sharding;
  private final ActorRef<TableTopics.Message> topics;
  private final Duration askTimeout;

  Tables(ClusterSharding sharding, ActorRef<TableTopics.Message> topics, Duration askTimeout) {
    this.sharding = sharding;
    this.topics = topics;
    this.askTimeout = askTimeout;
  }

  public CompletionStage<Opened> open(Command.OpenTable command) {
    TableId id = TableId.random();
    String token = ManageToken.generate();
    return table(id)
        .<Outcome>ask(replyTo -> new TableMessage.Open(command, ManageToken.hash(token), replyTo), askTimeout)
        .thenApply(outcome -> new Opened(id, token, outcome));
  }

  /** The table as it is now; {@code manageToken}, if given, is checked and the answer says if it matched. */
  public CompletionStage<Outcome> view(TableId id, Optional<String> manageToken) {
    return table(id).ask(replyTo -> new TableMessage.View(manageToken, replyTo), askTimeout);
  }

  /**
   * Any change to a table, made with its manage token. A {@code requestId} the table has seen recently gets
   * the first outcome again and records nothing new.
   */
  public CompletionStage<Outcome> change(TableId id, String manageToken, Command command, Optional<String> requestId) {
    return table(id).ask(replyTo -> new TableMessage.Change(command, manageToken, requestId, replyTo), askTimeout);
  }

  public CompletionStage<Outcome> addPlayer(TableId id, String manageToken, String name, Optional<String> requestId) {
    return change(id, manageToken, new Command.AddPlayer(name), requestId);
  }

  public CompletionStage<Outcome> buyIn(TableId id, String manageToken, int playerId, long count, Optional<String> requestId) {
    return change(id, manageToken, new Command.BuyIn(playerId, count), requestId);
  }

  public CompletionStage<Outcome> cashOut(TableId id, String manageToken, int playerId, long chips, Optional<String> requestId) {
    return change(id, manageToken, new Command.CashOut(playerId, chips), requestId);
  }

  public CompletionStage<Outcome> voidEntry(TableId id, String manageToken, int seq, Optional<String> reason,
      Optional<String> requestId) {
    return change(id, manageToken, new Command.VoidEntry(seq, reason), requestId);
  }

  public CompletionStage<Outcome> close(TableId id, String manageToken, Optional<String> requestId) {
    return change(id, manageToken, new Command.CloseTable(), requestId);
  }

  public CompletionStage<Outcome> reopen(TableId id, String manageToken, Optional<String> requestId) {
    return change(id, manageToken, new Command.ReopenTable(), requestId);
  }

  /**
   * Calls {@code listener} after every change to the table, made on any node, until the subscription is
   * closed. A change made on this node after this returns is always heard. The listener runs on an actor
   * thread: it should hand work off, not block.
   */
  public AutoCloseable subscribe(TableId id, Consumer<TableChanged> listener) {
    String listenerId = UUID.randomUUID().toString();
    // Registered before this returns: any change this node publishes afterwards reaches the listener.
    topics.tell(new TableTopics.Listen(id.value(), listenerId, listener));
    return () -> topics.tell(new TableTopics.StopListening(listenerId));
  }

  private EntityRef<TableMessage> table(TableId id) {
    return sharding.entityRefFor(TableEntity.TYPE_KEY, id.value());
  }
}

package bullion.engine.entity;

import bullion.core.Command;
import bullion.engine.Outcome;
import bullion.engine.json.JsonSerializable;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;

/** What the table entity understands. Every message is answered with an {@link Outcome}. */
public sealed interface TableMessage extends JsonSerializable {

  /** Opens the table with the hash of its manage token; the plain token never reaches the entity. */
  record Open(Command.OpenTable command, String manageTokenHash, ActorRef<Outcome> replyTo) implements TableMessage {}

  /**
   * A change to the table. A repeated {@code requestId} gets the first outcome again and records nothing new.
   */
  record Change(Command command, String manageToken, Optional<String> requestId, ActorRef<Outcome> replyTo)
      implements TableMessage {
    /** Never prints the token: messages end up in dead-letter and debug logs. */
    @Override
    public String toString() {
      return "Change[command=" + command + ", requestId=" + requestId + ", replyTo=" + replyTo + "]";
    }
  }

  /** Read the table; {@code manageToken}, if given, is checked so the caller learns whether it may manage. */
  record View(Optional<String> manageToken, ActorRef<Outcome> replyTo) implements TableMessage {
    @Override
    public String toString() {
      return "View[withToken=" + manageToken.isPresent() + ", replyTo=" + replyTo + "]";
    }
  }
}

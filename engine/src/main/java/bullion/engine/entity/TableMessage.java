package bullion.engine.entity;

import bullion.core.Command;
import bullion.engine.Outcome;
import bullion.engine.json.JsonSerializable;
import java.time.Instant;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;

/** What the table entity understands. Every message is answered with an {@link Outcome}. */
public sealed interface TableMessage extends JsonSerializable {

    /**
     * Opens the table with the hash of its manage token; the plain token never reaches the entity. Past its
     * {@code deadline} (see {@link Change}) it is dropped unrecorded.
     */
    record Open(
            Command.OpenTable command,
            String manageTokenHash,
            Instant deadline,
            ActorRef<Outcome> replyTo,
            Optional<String> groupTokenHash)
            implements TableMessage {
        public Open {
            deadline = deadline == null ? Instant.MAX : deadline;
            groupTokenHash = groupTokenHash == null ? Optional.empty() : groupTokenHash;
        }

        /** Not in a group. */
        public Open(Command.OpenTable command, String manageTokenHash, Instant deadline, ActorRef<Outcome> replyTo) {
            this(command, manageTokenHash, deadline, replyTo, Optional.empty());
        }

        /** No deadline. */
        public Open(Command.OpenTable command, String manageTokenHash, ActorRef<Outcome> replyTo) {
            this(command, manageTokenHash, Instant.MAX, replyTo);
        }
    }

    /**
     * A change to the table. A repeated {@code requestId} gets the first outcome again and records nothing new. A
     * change that reaches the table after its {@code deadline}, or whose decision is ready only after it, is dropped
     * unanswered and unrecorded: its caller has stopped waiting or soon will. A message without one (from a node of
     * the previous release) has none.
     */
    record Change(
            Command command,
            String manageToken,
            Optional<String> requestId,
            Instant deadline,
            ActorRef<Outcome> replyTo)
            implements TableMessage {
        public Change {
            deadline = deadline == null ? Instant.MAX : deadline;
        }

        /** No deadline. */
        public Change(Command command, String manageToken, Optional<String> requestId, ActorRef<Outcome> replyTo) {
            this(command, manageToken, requestId, Instant.MAX, replyTo);
        }

        /** Never prints the token: messages end up in dead-letter and debug logs. */
        @Override
        public String toString() {
            return "Change[command=" + command + ", requestId=" + requestId + ", deadline=" + deadline + ", replyTo="
                    + replyTo + "]";
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

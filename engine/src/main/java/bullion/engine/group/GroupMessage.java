package bullion.engine.group;

import bullion.core.group.GroupCommand;
import bullion.engine.GroupOutcome;
import bullion.engine.json.JsonSerializable;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;

/** What the group entity understands; each is answered with a {@link GroupOutcome}. */
public sealed interface GroupMessage extends JsonSerializable {

    /** Creates the group with the hash of its manage token; the plain token never reaches the entity. */
    record Create(GroupCommand.CreateGroup command, String manageTokenHash, ActorRef<GroupOutcome> replyTo)
            implements GroupMessage {}

    /** A change made with the group's manage token. */
    record Change(GroupCommand command, String manageToken, ActorRef<GroupOutcome> replyTo) implements GroupMessage {
        @Override
        public String toString() {
            return "Change[command=" + command + ", replyTo=" + replyTo + "]";
        }
    }

    /**
     * A change the engine makes on its own behalf (the standings' projection making a table's players members): no
     * token, never reachable from a request.
     */
    record Internal(GroupCommand.AddMembers command, ActorRef<GroupOutcome> replyTo) implements GroupMessage {}

    /** Read the group; {@code manageToken}, if given, is checked and the answer says whether it matched. */
    record View(Optional<String> manageToken, ActorRef<GroupOutcome> replyTo) implements GroupMessage {
        @Override
        public String toString() {
            return "View[withToken=" + manageToken.isPresent() + ", replyTo=" + replyTo + "]";
        }
    }
}

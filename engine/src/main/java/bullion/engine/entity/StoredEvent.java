package bullion.engine.entity;

import bullion.core.Event;
import bullion.engine.json.JsonSerializable;
import java.util.Optional;

/**
 * What the journal holds for a table: a core event plus the engine's bookkeeping. A stored format: each record is
 * stored under its name in {@code StoredNames}, so a class may be renamed; renaming a field changes the stored
 * shape and needs an upcaster ({@code StoredShapes}), which the golden JSON tests insist on.
 */
public sealed interface StoredEvent extends JsonSerializable {

    /**
     * The table was opened; only the hash of its manage token is kept. A table opened in a group
     * ({@code opened.groupId()}) also keeps the hash of the group's manage token, which manages it too; none before
     * groups.
     */
    record TableCreated(Event.TableOpened opened, String manageTokenHash, Optional<String> groupTokenHash)
            implements StoredEvent {
        public TableCreated(Event.TableOpened opened, String manageTokenHash) {
            this(opened, manageTokenHash, Optional.empty());
        }

        public TableCreated {
            groupTokenHash = groupTokenHash == null ? Optional.empty() : groupTokenHash;
        }
    }

    /** A change was accepted; {@code request} remembers who asked, so a retry is answered, not repeated. */
    record Recorded(Event event, Optional<RequestRef> request) implements StoredEvent {}

    /** A caller's request id and a fingerprint of the command it carried. */
    record RequestRef(String id, String fingerprint) implements JsonSerializable {}
}

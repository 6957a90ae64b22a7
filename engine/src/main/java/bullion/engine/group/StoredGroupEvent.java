package bullion.engine.group;

import bullion.core.group.GroupEvent;
import bullion.engine.json.JsonSerializable;

/** What the journal holds for a group (stored names in {@code StoredNames}): a core group event plus bookkeeping. */
public sealed interface StoredGroupEvent extends JsonSerializable {

    /** The group was created; only the hash of its manage token is kept. */
    record GroupStarted(GroupEvent.GroupCreated created, String manageTokenHash) implements StoredGroupEvent {}

    /** A change to the group. */
    record GroupRecorded(GroupEvent event) implements StoredGroupEvent {}
}

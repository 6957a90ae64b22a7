package bullion.engine.group;

import bullion.core.group.Group;
import bullion.core.group.GroupApplier;
import bullion.engine.ManageToken;
import bullion.engine.json.JsonSerializable;
import java.util.Optional;

/** The group entity's state (its snapshot): the core group, empty until created, and its manage token's hash. */
public record GroupState(Optional<Group> group, String manageTokenHash) implements JsonSerializable {

    static GroupState empty() {
        return new GroupState(Optional.empty(), "");
    }

    GroupState apply(StoredGroupEvent event) {
        return switch (event) {
            case StoredGroupEvent.GroupStarted started ->
                new GroupState(Optional.of(GroupApplier.apply(group, started.created())), started.manageTokenHash());
            case StoredGroupEvent.GroupRecorded recorded ->
                new GroupState(Optional.of(GroupApplier.apply(group, recorded.event())), manageTokenHash);
        };
    }

    boolean managedBy(String token) {
        return ManageToken.matches(token, manageTokenHash);
    }
}

package bullion.engine;

import bullion.core.Rejection;
import bullion.core.group.Group;
import bullion.core.group.GroupEvent;
import bullion.engine.json.JsonSerializable;
import java.util.List;

/** What a group answers: its state after the request, a rejection, or why it could not be asked at all. */
public sealed interface GroupOutcome extends JsonSerializable {

    /** Done; {@code events} are what it recorded (none for a view); {@code canManage}: the token matched. */
    record Done(Group group, List<GroupEvent> events, boolean canManage) implements GroupOutcome {
        public Done {
            events = List.copyOf(events);
        }
    }

    record Refused(Rejection why) implements GroupOutcome {}

    record NotFound() implements GroupOutcome {}

    record Forbidden() implements GroupOutcome {}
}

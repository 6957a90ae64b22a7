package bullion.core.group;

import bullion.core.Rejection;
import java.util.List;

/** What a group decides: the events to record, or why not. */
public sealed interface GroupDecision {

    record Accepted(List<GroupEvent> events) implements GroupDecision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection why) implements GroupDecision {}
}

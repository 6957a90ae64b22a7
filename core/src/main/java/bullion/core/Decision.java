package bullion.core;

import java.util.List;
import java.util.Objects;

/** What {@link CommandDecider} made of a command: the events to record, or why it was refused. */
public sealed interface Decision {

    record Accepted(List<Event> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection why) implements Decision {
        public Rejected {
            Objects.requireNonNull(why, "why");
        }
    }
}

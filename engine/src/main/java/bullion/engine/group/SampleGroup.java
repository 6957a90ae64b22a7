package bullion.engine.group;

import bullion.core.group.Group;
import bullion.core.group.GroupEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A made-up group as its journal and its snapshot hold it, for the warm-ups at start ({@code StoredFormatWarmUp},
 * {@code WebWarmUp}): every kind of group event, then the state they make. Never stored.
 */
public final class SampleGroup {

    private SampleGroup() {}

    /** The group's stored events in order, then its snapshot. */
    public static List<Object> storedValues() {
        List<StoredGroupEvent> events = events();
        List<Object> values = new ArrayList<>(events);
        values.add(state(events));
        return values;
    }

    /** The group the sample's events make, as its page shows it (the web's warm-up, {@code WebWarmUp}). */
    public static Group group() {
        return state(events()).group().orElseThrow();
    }

    private static List<StoredGroupEvent> events() {
        return List.of(
                new StoredGroupEvent.GroupStarted(
                        new GroupEvent.GroupCreated("Friday regulars", "USD"), "0".repeat(64)),
                new StoredGroupEvent.GroupRecorded(new GroupEvent.MemberAdded(1, "Ari")),
                new StoredGroupEvent.GroupRecorded(new GroupEvent.MemberAdded(2, "Bo")),
                new StoredGroupEvent.GroupRecorded(new GroupEvent.MemberAdded(3, "Bobby")),
                new StoredGroupEvent.GroupRecorded(new GroupEvent.MemberRenamed(2, "Bo B")),
                new StoredGroupEvent.GroupRecorded(new GroupEvent.MemberMerged(3, 2)));
    }

    private static GroupState state(List<StoredGroupEvent> events) {
        GroupState state = GroupState.empty();
        for (StoredGroupEvent event : events) {
            state = state.apply(event);
        }
        return state;
    }
}

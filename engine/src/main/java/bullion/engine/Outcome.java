package bullion.engine;

import bullion.core.Event;
import bullion.core.Rejection;
import bullion.core.Table;
import bullion.engine.json.JsonSerializable;
import java.util.List;
import java.util.Optional;

/** What a table answers: its state after the request, a rejection, or why it could not be asked at all. */
public sealed interface Outcome extends JsonSerializable {

    /**
     * The request was carried out (or, for a repeated request id, had been): {@code events} are what it recorded,
     * empty for a view. {@code canManage} says whether the caller's manage token matched.
     */
    record Done(Table table, List<Event> events, boolean canManage, Optional<String> groupId) implements Outcome {
        public Done {
            events = List.copyOf(events);
            groupId = groupId == null ? Optional.empty() : groupId;
        }

        /** A table in no group. */
        public Done(Table table, List<Event> events, boolean canManage) {
            this(table, events, canManage, Optional.empty());
        }

        /** The same answer, saying which group the table was opened in. */
        public Done inGroup(Optional<String> group) {
            return new Done(table, events, canManage, group);
        }
    }

    /** A rule of the game refused the command; nothing was recorded. */
    record Refused(Rejection why) implements Outcome {}

    /** No table has this id. */
    record NotFound() implements Outcome {}

    /** The manage token was missing or wrong for a change. */
    record Forbidden() implements Outcome {}

    /** The request id was used before for a different command. */
    record RequestIdReused(String requestId) implements Outcome {}
}

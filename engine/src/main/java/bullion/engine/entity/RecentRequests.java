package bullion.engine.entity;

import bullion.core.Event;
import bullion.engine.json.JsonSerializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last {@value #LIMIT} request ids a table accepted, with what each recorded, so a retried request is
 * answered with its first outcome. Rebuilt from the journal on recovery and kept in snapshots.
 */
public record RecentRequests(List<Seen> seen) implements JsonSerializable {

    static final int LIMIT = 256;

    public record Seen(StoredEvent.RequestRef request, List<Event> events) implements JsonSerializable {
        public Seen {
            events = List.copyOf(events);
        }
    }

    public RecentRequests {
        seen = List.copyOf(seen);
    }

    private static final RecentRequests NONE = new RecentRequests(List.of());

    static RecentRequests none() {
        return NONE;
    }

    Optional<Seen> find(String requestId) {
        return seen.stream().filter(s -> s.request().id().equals(requestId)).findFirst();
    }

    /** Adds an event to its request's entry, starting one (and dropping the oldest) if it is new. */
    RecentRequests with(StoredEvent.RequestRef request, Event event) {
        List<Seen> next = new ArrayList<>(seen);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).request().id().equals(request.id())) {
                List<Event> events = new ArrayList<>(next.get(i).events());
                events.add(event);
                next.set(i, new Seen(request, events));
                return new RecentRequests(next);
            }
        }
        next.add(new Seen(request, List.of(event)));
        if (next.size() > LIMIT) {
            next.remove(0);
        }
        return new RecentRequests(next);
    }
}

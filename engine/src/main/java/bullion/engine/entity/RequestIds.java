package bullion.engine.entity;

import bullion.core.Command;
import bullion.core.Table;
import bullion.engine.Outcome;
import bullion.engine.entity.StoredEvent.RequestRef;
import bullion.engine.json.Fingerprint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The request ids a table has answered, so that a retry gets its first outcome and a reused id is caught. Accepted
 * ids are the table's {@link RecentRequests}, journaled and kept in snapshots; a refusal journals nothing, so
 * refused ids are kept here, in this process only: after a restart a refused request is decided again.
 */
final class RequestIds {

    private record Answered(RequestRef request, Outcome outcome) {}

    /**
     * The last {@value RecentRequests#LIMIT} refused ids, newest last; made at the first refusal, as most tables never
     * refuse a request with an id and every live table would keep an empty map (BENCHMARKS.md, "Idle tables").
     */
    private Map<String, Answered> refused = Map.of();

    /**
     * If {@code request}'s id was answered before: its first outcome again when it carries the same {@code command},
     * {@link Outcome.RequestIdReused} when not. Empty when the id is new and the command is to be decided.
     */
    Optional<Outcome> answerAgain(RequestRef request, Command command, Table table, RecentRequests accepted) {
        Optional<Answered> answered = accepted.find(request.id(), table)
                .map(seen -> new Answered(seen.request(), new Outcome.Done(table, seen.events(), true)))
                .or(() -> Optional.ofNullable(refused.get(request.id())));
        // Fingerprint.matches, not equals: ids accepted by the first release carry a fingerprint of another encoding.
        return answered.map(first -> Fingerprint.matches(first.request().fingerprint(), command)
                ? first.outcome()
                : new Outcome.RequestIdReused(request.id()));
    }

    void refused(RequestRef request, Outcome.Refused outcome) {
        if (refused.isEmpty()) {
            refused = new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Answered> eldest) {
                    return size() > RecentRequests.LIMIT;
                }
            };
        }
        refused.put(request.id(), new Answered(request, outcome));
    }
}

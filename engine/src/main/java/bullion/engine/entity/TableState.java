package bullion.engine.entity;

import bullion.core.EventApplier;
import bullion.core.Table;
import bullion.engine.json.JsonSerializable;
import java.util.Optional;

/** The entity's state: the core table (empty until opened), its manage token hash, and recent request ids. */
public record TableState(Optional<Table> table, String manageTokenHash, RecentRequests recent)
        implements JsonSerializable {

    static TableState empty() {
        return new TableState(Optional.empty(), "", RecentRequests.none());
    }

    TableState apply(StoredEvent event) {
        return switch (event) {
            case StoredEvent.TableCreated created ->
                new TableState(
                        Optional.of(EventApplier.apply(table, created.opened())), created.manageTokenHash(), recent);
            case StoredEvent.Recorded recorded ->
                new TableState(
                        Optional.of(EventApplier.apply(table, recorded.event())),
                        manageTokenHash,
                        recorded.request()
                                .map(r -> recent.with(r, recorded.event()))
                                .orElse(recent));
        };
    }
}

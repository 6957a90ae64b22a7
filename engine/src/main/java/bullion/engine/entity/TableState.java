package bullion.engine.entity;

import bullion.core.EventApplier;
import bullion.core.Table;
import bullion.engine.ManageToken;
import bullion.engine.json.JsonSerializable;
import java.util.List;
import java.util.Optional;

/**
 * The entity's state: the core table (empty until opened), its manage token hash, recent request ids, and for a
 * table opened in a group the group's id and the hash of the group's manage token (a group's token never changes,
 * so the table keeps a copy of its hash rather than asking the group on every change).
 */
public record TableState(
        Optional<Table> table,
        String manageTokenHash,
        RecentRequests recent,
        Optional<String> groupId,
        Optional<String> groupTokenHash)
        implements JsonSerializable {

    public TableState(Optional<Table> table, String manageTokenHash, RecentRequests recent) {
        this(table, manageTokenHash, recent, Optional.empty(), Optional.empty());
    }

    public TableState {
        groupId = groupId == null ? Optional.empty() : groupId;
        groupTokenHash = groupTokenHash == null ? Optional.empty() : groupTokenHash;
        // A snapshot's recent requests are read as a list of events: those the table gives back are kept as numbers.
        recent = table.map(recent::numberedIn).orElse(recent);
    }

    /** One for every table: each live table's behavior keeps its empty state. */
    private static final TableState EMPTY = new TableState(Optional.empty(), "", RecentRequests.none());

    static TableState empty() {
        return EMPTY;
    }

    /** The recent requests as they are stored, their events read back from the table where held as numbers. */
    public List<RecentRequests.Seen> recentRequests() {
        return recent.seen(table);
    }

    /** Whether {@code token} manages this table: its own, or its group's. */
    boolean managedBy(String token) {
        return ManageToken.matches(token, manageTokenHash)
                || groupTokenHash.map(hash -> ManageToken.matches(token, hash)).orElse(false);
    }

    TableState apply(StoredEvent event) {
        return switch (event) {
            case StoredEvent.TableCreated created ->
                new TableState(
                        Optional.of(EventApplier.apply(table, created.opened())),
                        created.manageTokenHash(),
                        recent,
                        created.opened().groupId(),
                        created.groupTokenHash());
            case StoredEvent.Recorded recorded -> {
                Table after = EventApplier.apply(table, recorded.event());
                RecentRequests ready =
                        table.map(t -> recent.before(recorded.event(), t)).orElse(recent);
                yield new TableState(
                        Optional.of(after),
                        manageTokenHash,
                        recorded.request()
                                .map(r -> ready.with(r, recorded.event(), after))
                                .orElse(ready),
                        groupId,
                        groupTokenHash);
            }
        };
    }
}

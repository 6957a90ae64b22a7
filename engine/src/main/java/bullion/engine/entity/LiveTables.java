package bullion.engine.entity;

import bullion.engine.Outcome;
import bullion.engine.TableId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables running on this node, each as it last showed itself: its state after its latest journaled change. A view
 * of a table running here is answered from this, in the caller's thread, instead of by a message through sharding's
 * region and shard to the table and an answer back (a read's four hand-offs between threads, issue 14); every change
 * still goes to the table, one at a time.
 *
 * <p>A table shows a new state before it answers the change that made it, so whoever was told a change was recorded
 * sees it in their next view, and forgets itself before it stops (idle, moved to another node, retired), so a table
 * that runs elsewhere now is never answered from here. Between a change's write and its answer a view may still get
 * the state before it, as it could when views waited in the table's mailbox. A table not running here is not in it:
 * its view goes through sharding, which starts it.
 */
public final class LiveTables {

    private final ConcurrentHashMap<String, TableState> shown = new ConcurrentHashMap<>();

    /** The view a table would answer: the table, whether {@code manageToken} (if given) manages it, its group. */
    public Optional<Outcome> view(TableId id, Optional<String> manageToken) {
        TableState state = shown.get(id.value());
        return state == null ? Optional.empty() : Optional.of(TableEntity.viewOf(state, manageToken));
    }

    void show(String tableId, TableState state) {
        if (state.table().isPresent()) {
            shown.put(tableId, state);
        }
    }

    /** Forgets {@code tableId} if what it shows is {@code state}, the last state this process showed. */
    void forget(String tableId, TableState state) {
        shown.computeIfPresent(tableId, (id, current) -> current == state ? null : current);
    }
}

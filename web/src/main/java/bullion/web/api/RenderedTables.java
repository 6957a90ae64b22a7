package bullion.web.api;

import bullion.core.Table;
import bullion.engine.Outcome;
import java.lang.ref.WeakReference;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The API's view of a table ({@code GET /api/tables/{id}}) rendered once per version: a table answers every view of
 * one version with the same {@link Table} value, so its JSON is remembered by that value's identity and sent again as
 * it is. A read of an unchanged table then costs no report, no formatting and no Jackson. A fixed number of slots by
 * identity hash (a lookup is a few loads; two tables in one slot take turns, each miss costing only the rendering),
 * weak so that a remembered answer never keeps an old table alive: at most {@link #SLOTS} answers are kept, however
 * many tables are live.
 */
final class RenderedTables {

    static final int SLOTS = 1024;

    private record Rendered(WeakReference<Table> table, String id, Optional<String> groupId, byte[] json) {}

    private final AtomicReferenceArray<Rendered> slots = new AtomicReferenceArray<>(SLOTS);

    /** The JSON of {@code done}'s table as {@code id} (the path's id), with the group it is in. */
    byte[] json(String id, Outcome.Done done) {
        Table table = done.table();
        int slot = System.identityHashCode(table) & (SLOTS - 1);
        Rendered known = slots.get(slot);
        if (known != null
                && known.table().get() == table
                && known.id().equals(id)
                && known.groupId().equals(done.groupId())) {
            return known.json();
        }
        byte[] json = ApiRoutes.bytes(TableJson.table(id, table, done.groupId()));
        slots.set(slot, new Rendered(new WeakReference<>(table), id, done.groupId(), json));
        return json;
    }
}

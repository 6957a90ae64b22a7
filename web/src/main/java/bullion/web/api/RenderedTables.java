package bullion.web.api;

import bullion.core.Table;
import bullion.engine.Outcome;
import bullion.web.VersionSlots;
import java.util.Optional;

/**
 * The API's view of a table ({@code GET /api/tables/{id}}) rendered once per version: a table answers every view of
 * one version with the same {@link Table} value, so its JSON is remembered by that value's identity and sent again as
 * it is. A read of an unchanged table then costs no report, no formatting and no Jackson. At most {@link #SLOTS}
 * answers are kept, however many tables are live, each in one of two slots by the version's identity
 * ({@link VersionSlots}, which never keeps an old table alive).
 */
final class RenderedTables {

    static final int SLOTS = 1024;

    private record Rendered(String id, Optional<String> groupId, byte[] json) {}

    private final VersionSlots<Rendered> slots = new VersionSlots<>(SLOTS);

    /** The JSON of {@code done}'s table as {@code id} (the path's id), with the group it is in. */
    byte[] json(String id, Outcome.Done done) {
        Table table = done.table();
        Rendered known = slots.find(
                table, id.hashCode(), r -> r.id().equals(id) && r.groupId().equals(done.groupId()));
        if (known != null) {
            return known.json();
        }
        byte[] json = ApiRoutes.bytes(TableJson.table(id, table, done.groupId()));
        slots.put(table, id.hashCode(), new Rendered(id, done.groupId(), json));
        return json;
    }
}

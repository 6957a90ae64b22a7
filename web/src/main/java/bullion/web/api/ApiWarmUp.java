package bullion.web.api;

import bullion.core.Table;
import java.util.Optional;

/** The API's answers to a view and a ledger rendered for a table that is never served: the web's warm-up. */
public final class ApiWarmUp {

    private ApiWarmUp() {}

    /** The JSON of {@code table}'s view and ledger, as {@code GET /api/tables/{id}} and {@code /ledger} send them. */
    public static int render(String id, Table table) {
        return ApiRoutes.bytes(TableJson.table(id, table, Optional.empty())).length
                + ApiRoutes.bytes(TableJson.ledger(id, table)).length;
    }
}

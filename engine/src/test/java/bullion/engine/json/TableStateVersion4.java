package bullion.engine.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;

/** Writes a snapshot as table-state 4 did (the ledger as one object per entry), for tests of the 4 → 5 upcaster. */
public final class TableStateVersion4 {

    private TableStateVersion4() {}

    public static byte[] write(Object tableState) {
        try {
            return StoredJson.ENTRIES_AS_OBJECTS.writeValueAsBytes(tableState);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

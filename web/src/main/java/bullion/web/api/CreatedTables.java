package bullion.web.api;

import bullion.core.Command;
import bullion.engine.Tables;
import bullion.web.HttpFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Idempotency for {@code POST /api/tables}, which has no table yet to remember its request ids: the last
 * {@value #LIMIT} keys with the command each carried and the table it opened, in memory. A retry with the same
 * key and command gets the same table and token (waiting for the first if it is still under way); with another
 * command, 422. It does not survive a restart, and only an opened table is remembered: a key whose request failed
 * may be tried again.
 *
 * <p>A key is remembered per client (its IP address): the answer carries the new table's manage token, so a key
 * alone, which another client may guess or reuse, must never hand that token to anyone but who opened the table.
 */
final class CreatedTables {

    static final int LIMIT = 10_000;

    private record Remembered(Command.OpenTable command, CompletableFuture<Tables.Opened> opened) {}

    /** A record, not the two strings joined, so no client and key can ever spell another pair. */
    private record ClientKey(String client, String key) {}

    private final Map<ClientKey, Remembered> byKey = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ClientKey, Remembered> eldest) {
            return size() > LIMIT;
        }
    };

    /** The table {@code client} opened with {@code key} and this command, else the one {@code open} opens now. */
    Tables.Opened once(String client, String clientsKey, Command.OpenTable command, Supplier<Tables.Opened> open) {
        ClientKey key = new ClientKey(client, clientsKey);
        Remembered mine = new Remembered(command, new CompletableFuture<>());
        Remembered earlier;
        synchronized (byKey) {
            earlier = byKey.putIfAbsent(key, mine);
        }
        if (earlier != null) {
            // Records compare the command's values, so the same JSON written differently is still the same request.
            if (!earlier.command().equals(command)) {
                throw new HttpFailure(
                        422, "The Idempotency-Key " + clientsKey + " was already used to create a different table.");
            }
            try {
                return earlier.opened().join();
            } catch (CompletionException failed) {
                throw (RuntimeException) failed.getCause();
            }
        }
        try {
            Tables.Opened opened = open.get();
            mine.opened().complete(opened);
            return opened;
        } catch (RuntimeException failed) {
            synchronized (byKey) {
                byKey.remove(key, mine);
            }
            mine.opened().completeExceptionally(failed);
            throw failed;
        }
    }
}

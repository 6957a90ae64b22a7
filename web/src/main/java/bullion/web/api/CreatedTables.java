package bullion.web.api;

import bullion.core.Command;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Idempotency for {@code POST /api/tables}, which has no table yet to remember its request ids: the last
 * {@value #LIMIT} keys with the command each carried and the reply it got, in memory. A retry with the same key
 * and command gets the same reply (the same table and token); with another command, 422. It does not survive a
 * restart, and only a created table is remembered: a key whose request failed may be tried again.
 *
 * <p>A key is remembered per client (its IP address): the reply carries the new table's manage token, so a key
 * alone, which another client may guess or reuse, must never hand that token to anyone but who created the table.
 */
final class CreatedTables {

  static final int LIMIT = 10_000;

  private record Remembered(Command.OpenTable command, CompletableFuture<Reply> reply) {}

  /** A record, not the two strings joined, so no client and key can ever spell another pair. */
  private record ClientKey(String client, String key) {}

  private final Map<ClientKey, Remembered> byKey = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ClientKey, Remembered> eldest) {
      return size() > LIMIT;
    }
  };

  /**
   * The reply for {@code client}'s {@code key}: the first one if this client sent the key with this command, else
   * {@code open}'s.
   */
  CompletionStage<Reply> once(String client, String clientsKey, Command.OpenTable command,
      Supplier<CompletionStage<Reply>> open) {
    ClientKey key = new ClientKey(client, clientsKey);
    CompletableFuture<Reply> mine = new CompletableFuture<>();
    Remembered earlier;
    synchronized (byKey) {
      earlier = byKey.get(key);
      if (earlier == null) {
        byKey.put(key, new Remembered(command, mine));
      }
    }
    if (earlier != null) {
      // Records compare the command's values, so the same JSON written differently is still the same request.
      return earlier.command().equals(command)
          ? earlier.reply()
          : CompletableFuture.completedFuture(Reply.Problem.of(422,
              "The Idempotency-Key " + clientsKey + " was already used to create a different table."));
    }
    open.get().whenComplete((reply, error) -> {
      if (error != null || reply.status() != 201) {
        synchronized (byKey) {
          Remembered current = byKey.get(key);
          if (current != null && current.reply() == mine) {
            byKey.remove(key);
          }
        }
      }
      if (error != null) {
        mine.completeExceptionally(error);
      } else {
        mine.complete(reply);
      }
    });
    return mine;
  }
}

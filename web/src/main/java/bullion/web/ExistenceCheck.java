package bullion.web;

import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.Tables;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether a table exists, asked before a Server-Sent Events stream (the pages' and the API's) starts: once the
 * stream starts its status is already 200, so an unknown table must be found out first to be a real 404. This
 * blocks the request's thread for at most {@link #TIMEOUT}; it is the one place in the web that waits on a table,
 * because a stream cannot start from a future's callback.
 */
public final class ExistenceCheck {

  /** How long a stream waits to learn whether its table exists; then it is answered 503, as any busy table is. */
  public static final Duration TIMEOUT = Duration.ofSeconds(5);

  private ExistenceCheck() {}

  /**
   * The table's view-only outcome ({@link Outcome.Done} if it exists).
   *
   * @throws TimeoutException if the table did not answer in time, whether this wait or the facade's ask ran out
   * @throws CompletionException for any other failure of the facade call, as an async handler would see it
   */
  public static Outcome await(Tables tables, TableId id) throws TimeoutException, InterruptedException {
    try {
      return tables.view(id, Optional.empty()).toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // Pekko's AskTimeoutException is a TimeoutException: the ask ran out before this wait did.
      if (e.getCause() instanceof TimeoutException askTimedOut) {
        throw askTimedOut;
      }
      throw new CompletionException(e.getCause());
    }
  }
}

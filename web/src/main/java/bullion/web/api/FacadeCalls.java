package bullion.web.api;

import bullion.core.Command;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.Tables;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every handler calls the facade: asynchronously (no request thread waits on a table), with every outcome
 * other than Done turned into its problem, and a table that does not answer in time turned into 503.
 */
final class FacadeCalls {

  private static final Logger LOG = LoggerFactory.getLogger(FacadeCalls.class);
  static final int RETRY_AFTER_SECONDS = 5;

  private FacadeCalls() {}

  /**
   * A change to an existing table, read in the order a client can fix things: the table must exist in shape
   * (404), the token must be there (401), then the key and the body must be readable (400).
   */
  static void change(Context ctx, Tables tables, Function<JsonBody, Command> read, Function<Outcome.Done, Reply> render) {
    TableId id = PathParams.tableId(ctx);
    String token = BearerToken.from(ctx);
    Optional<String> key = IdempotencyKey.from(ctx);
    Command command = read.apply(JsonBody.parse(ctx.bodyAsBytes()));
    answer(ctx, tables.change(id, token, command, key).thenApply(outcome -> reply(outcome, id, render)));
  }

  static Reply reply(Outcome outcome, TableId id, Function<Outcome.Done, Reply> render) {
    return outcome instanceof Outcome.Done done ? render.apply(done) : ProblemJson.of(outcome, id.value());
  }

  /** Sends what {@code stage} completes to, or the problem for why it did not. */
  static void answer(Context ctx, CompletionStage<Reply> stage) {
    ctx.future(() -> stage.toCompletableFuture()
        .exceptionally(FacadeCalls::failure)
        .thenAccept(reply -> ApiJson.send(ctx, reply)));
  }

  static Reply.Problem failure(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof TimeoutException) {
      // Pekko's AskTimeoutException is a TimeoutException: the table is busy or restarting; a retry may succeed.
      return new Reply.Problem(503, ProblemJson.title(503), "The table did not answer in time; try again shortly.",
          Optional.empty(), Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)));
    }
    LOG.error("a facade call failed", cause);
    return Reply.Problem.of(500, "Something went wrong on the server; nothing was changed by this request.");
  }
}

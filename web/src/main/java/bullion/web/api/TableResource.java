package bullion.web.api;

import bullion.web.ClientAddress;
import bullion.core.Command;
import bullion.core.Event;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.Tables;
import bullion.web.ExistenceCheck;
import bullion.web.live.TableFeed;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/** /api/tables and /api/tables/{id}: open, read, close and reopen a table, and follow its changes. */
final class TableResource {

  private final Tables tables;
  private final TableFeed feed;
  private final CreatedTables created = new CreatedTables();

  TableResource(Tables tables, TableFeed feed) {
    this.tables = tables;
    this.feed = feed;
  }

  void create(Context ctx) {
    Optional<String> key = IdempotencyKey.from(ctx);
    Command.OpenTable command = RequestBodies.openTable(JsonBody.parse(ctx.bodyAsBytes()));
    FacadeCalls.answer(ctx, key.map(k -> created.once(ClientAddress.of(ctx), k, command, () -> open(command))).orElseGet(() -> open(command)));
  }

  private CompletionStage<Reply> open(Command.OpenTable command) {
    return tables.open(command).thenApply(opened -> FacadeCalls.reply(opened.outcome(), opened.id(),
        done -> Reply.Json.created(TableJson.created(opened.id().value(), done.table(), opened.manageToken()),
            "/api/tables/" + opened.id().value())));
  }

  void view(Context ctx) {
    TableId id = PathParams.tableId(ctx);
    FacadeCalls.answer(ctx, tables.view(id, Optional.empty()).thenApply(outcome -> FacadeCalls.reply(outcome, id,
        done -> Reply.Json.ok(TableJson.table(id.value(), done.table())))));
  }

  void close(Context ctx) {
    FacadeCalls.change(ctx, tables, body -> new Command.CloseTable(), done -> Reply.Json.ok(TableJson.status(
        ctx.pathParam("id"), true, only(done.events(), Event.TableClosed.class).at())));
  }

  void reopen(Context ctx) {
    FacadeCalls.change(ctx, tables, body -> new Command.ReopenTable(), done -> Reply.Json.ok(TableJson.status(
        ctx.pathParam("id"), false, only(done.events(), Event.TableReopened.class).at())));
  }

  /**
   * Server-Sent Events: a {@code changed} event after every change. Whether the table exists is asked first
   * ({@link ExistenceCheck}), because once the stream starts its status is already 200.
   */
  void events(Context ctx) throws InterruptedException {
    TableId id = PathParams.tableId(ctx);
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new ApiProblem(Reply.Problem.of(406, "This route is a Server-Sent Events stream: send Accept: text/event-stream."));
    }
    Outcome outcome;
    try {
      outcome = ExistenceCheck.await(tables, id);
    } catch (TimeoutException | CompletionException e) {
      throw new ApiProblem(FacadeCalls.failure(e));
    }
    if (!(outcome instanceof Outcome.Done)) {
      throw new ApiProblem(ProblemJson.of(outcome, id.value()));
    }
    new SseHandler(client -> feed.connect(id, client)).handle(ctx);
  }

  /** The one event a command of this kind records; a repeated request's events are its first request's. */
  static <E extends Event> E only(List<Event> events, Class<E> kind) {
    return events.stream().filter(kind::isInstance).map(kind::cast).findFirst()
        .orElseThrow(() -> new IllegalStateException("expected a " + kind.getSimpleName() + " among " + events));
  }
}

package bullion.web.api;

import bullion.core.Command;
import bullion.core.Event;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.Tables;
import bullion.web.ClientAddress;
import bullion.web.HttpFailure;
import bullion.web.Input;
import bullion.web.TableCalls;
import bullion.web.live.TableFeed;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** /api/tables and /api/tables/{id}: open, read, close and reopen a table, and follow its changes. */
final class TableResource {

  private final TableCalls calls;
  private final TableFeed feed;
  private final CreatedTables created = new CreatedTables();

  TableResource(TableCalls calls, TableFeed feed) {
    this.calls = calls;
    this.feed = feed;
  }

  void create(Context ctx) {
    Optional<String> key = Input.requestId(Optional.ofNullable(ctx.header("Idempotency-Key")));
    Command.OpenTable command = JsonBody.parse(ctx.bodyAsBytes()).openTable();
    Tables.Opened opened = key.isEmpty() ? calls.open(command, why -> Optional.empty())
        : created.once(ClientAddress.of(ctx), key.get(), command, () -> calls.open(command, why -> Optional.empty()));
    String id = opened.id().value();
    ctx.header("Location", "/api/tables/" + id);
    // open() answers only a Done outcome.
    ApiJson.send(ctx, 201, TableJson.created(id, ((Outcome.Done) opened.outcome()).table(), opened.manageToken()));
  }

  void view(Context ctx) {
    TableId id = Input.tableId(ctx);
    ApiJson.send(ctx, 200, TableJson.table(id.value(), calls.view(id, Optional.empty()).table()));
  }

  void close(Context ctx) {
    Outcome.Done done = change(ctx, calls, JsonBody::closeTable);
    ApiJson.send(ctx, 200, TableJson.status(ctx.pathParam("id"), true, only(done.events(), Event.TableClosed.class).at()));
  }

  void reopen(Context ctx) {
    Outcome.Done done = change(ctx, calls, body -> new Command.ReopenTable());
    ApiJson.send(ctx, 200, TableJson.status(ctx.pathParam("id"), false, only(done.events(), Event.TableReopened.class).at()));
  }

  /** Server-Sent Events: a {@code changed} event after every change. */
  void events(Context ctx) {
    TableId id = Input.tableId(ctx);
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new HttpFailure(406, "This route is a Server-Sent Events stream: send Accept: text/event-stream.");
    }
    feed.stream(ctx, calls, id);
  }

  /**
   * A change to an existing table, read in the order a client can fix things: the table must exist in shape
   * (404), the token must be there (401), then the key and the body must be readable (400).
   */
  static Outcome.Done change(Context ctx, TableCalls calls, java.util.function.Function<JsonBody, Command> read) {
    TableId id = Input.tableId(ctx);
    String token = ApiRoutes.bearerToken(ctx);
    Optional<String> key = Input.requestId(Optional.ofNullable(ctx.header("Idempotency-Key")));
    Command command = read.apply(JsonBody.parse(ctx.bodyAsBytes()));
    return calls.change(id, token, command, key, Optional.empty());
  }

  /** The one event a command of this kind records; a repeated request's events are its first request's. */
  static <E extends Event> E only(List<Event> events, Class<E> kind) {
    return events.stream().filter(kind::isInstance).map(kind::cast).findFirst()
        .orElseThrow(() -> new IllegalStateException("expected a " + kind.getSimpleName() + " among " + events));
  }
}

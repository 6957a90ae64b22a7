package bullion.web.api;

import bullion.core.Command;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.web.HttpFailure;
import bullion.web.Input;
import bullion.web.TableCalls;
import bullion.web.pages.SettlementText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finishing the night: a player's name and pay handles, the frozen payments marked paid or unpaid, and the
 * settle-up as plain text for a group chat.
 */
final class PaymentResource {

  private final TableCalls calls;

  private PaymentResource(TableCalls calls) {
    this.calls = calls;
  }

  static void register(RoutesConfig routes, TableCalls calls) {
    PaymentResource payments = new PaymentResource(calls);
    routes.patch("/api/tables/{id}/players/{playerId}", payments::editPlayer);
    routes.post("/api/tables/{id}/transfers/{n}/paid", ctx -> payments.mark(ctx, true));
    routes.post("/api/tables/{id}/transfers/{n}/unpaid", ctx -> payments.mark(ctx, false));
    routes.get("/api/tables/{id}/settlement.txt", payments::text);
  }

  /**
   * {@code {"name"?, "payHandles"?}}: the handles are set first, then the name, each a change of its own (their
   * Idempotency-Key is told apart per change), so a refused name leaves new handles in place.
   */
  private void editPlayer(Context ctx) {
    TableId id = Input.tableId(ctx);
    String token = ApiRoutes.bearerToken(ctx);
    Optional<String> key = Input.requestId(Optional.ofNullable(ctx.header("Idempotency-Key")));
    int player = Input.playerId(ctx);
    JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
    Optional<Command.SetPayHandles> handles = body.payHandles(player);
    Optional<String> name = body.optionalText("name");
    if (handles.isEmpty() && name.isEmpty()) {
      throw new HttpFailure(400, "Send \"name\", \"payHandles\" or both.");
    }
    Outcome.Done done = null;
    if (handles.isPresent()) {
      done = calls.change(id, token, handles.get(), key.map(k -> k + ":handles"), Optional.empty());
    }
    if (name.isPresent()) {
      done = calls.change(id, token, new Command.RenamePlayer(player, name.get()), key.map(k -> k + ":name"),
          Optional.empty());
    }
    ApiJson.send(ctx, 200, TableJson.player(done.table(), player));
  }

  /** 200 with the transfer as it is now marked; 409 while the table is open, 404 for an unknown n. */
  private void mark(Context ctx, boolean paid) {
    String text = ctx.pathParam("n");
    OptionalLong parsed = Input.wholeNumber(text);
    if (parsed.isEmpty() || parsed.getAsLong() != (int) parsed.getAsLong()) {
      throw new HttpFailure(400, "A transfer's n is a whole number, not \"" + Input.shortened(text, JsonBody.MAX_ECHOED) + "\".");
    }
    int n = (int) parsed.getAsLong();
    Outcome.Done done = TableResource.change(ctx, calls, body -> paid ? new Command.MarkPaid(n) : new Command.UnmarkPaid(n));
    ApiJson.send(ctx, 200, TableJson.transfer(done.table().payment(n).orElseThrow(), done.table()));
  }

  private void text(Context ctx) {
    Outcome.Done done = calls.view(Input.tableId(ctx), Optional.empty());
    ctx.contentType("text/plain; charset=utf-8").result(SettlementText.of(done.table()));
  }
}

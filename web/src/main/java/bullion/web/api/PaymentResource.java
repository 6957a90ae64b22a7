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
import java.io.IOException;
import java.util.Optional;

/**
 * Finishing the night: a player's name and pay handles, the frozen payments marked paid or unpaid, and the
 * settle-up as plain text for a group chat.
 */
final class PaymentResource {

    private final TableCalls calls;
    private final ApiRoutes api;

    private PaymentResource(TableCalls calls, ApiRoutes api) {
        this.calls = calls;
        this.api = api;
    }

    static void register(RoutesConfig routes, TableCalls calls, ApiRoutes api) {
        PaymentResource payments = new PaymentResource(calls, api);
        routes.patch("/api/tables/{id}/players/{playerId}", payments::editPlayer);
        routes.post("/api/tables/{id}/transfers/{n}/paid", ctx -> payments.mark(ctx, true));
        routes.post("/api/tables/{id}/transfers/{n}/unpaid", ctx -> payments.mark(ctx, false));
        routes.get("/api/tables/{id}/settlement.txt", payments::text);
    }

    /**
     * {@code {"name"?, "payHandles"?}}: the handles are set first, then the name, each a change of its own (their
     * Idempotency-Key is told apart per change), so a refused name leaves new handles in place.
     */
    private void editPlayer(Context ctx) throws IOException {
        TableId id = Input.tableId(ctx);
        String token = ApiRoutes.bearerToken(ctx);
        Optional<String> key = Input.requestId(Optional.ofNullable(ctx.header("Idempotency-Key")));
        int player = Input.playerId(ctx);
        JsonBody body = JsonBody.of(ctx);
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
            done = calls.change(
                    id,
                    token,
                    new Command.RenamePlayer(player, name.get()),
                    key.map(k -> k + ":name"),
                    Optional.empty());
        }
        ApiRoutes.send(ctx, 200, TableJson.player(done.table(), player));
    }

    /** 200 with the transfer as it is now marked; 409 while the table is open, 404 for an unknown n. */
    private void mark(Context ctx, boolean paid) throws IOException {
        int n = Input.paymentNumber(ctx);
        Outcome.Done done = api.change(ctx, body -> paid ? new Command.MarkPaid(n) : new Command.UnmarkPaid(n));
        ApiRoutes.send(ctx, 200, TableJson.transfer(done.table().payment(n).orElseThrow(), done.table()));
    }

    private void text(Context ctx) {
        Outcome.Done done = calls.view(Input.tableId(ctx), Optional.empty());
        ctx.contentType("text/plain; charset=utf-8").result(SettlementText.of(done.table()));
    }
}

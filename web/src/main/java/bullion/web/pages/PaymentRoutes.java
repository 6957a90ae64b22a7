package bullion.web.pages;

import bullion.core.BuyInSize;
import bullion.core.Command;
import bullion.core.MissingChips;
import bullion.core.Paid;
import bullion.core.PayApp;
import bullion.engine.TableId;
import bullion.web.HttpFailure;
import bullion.web.Input;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finishing the night on the manage page: cash or credit buy-ins and chip buy-ins, what became of chips still
 * out at the close, a player's name and pay handles, and payments marked paid or unpaid.
 */
final class PaymentRoutes {

    private PaymentRoutes() {}

    static void register(RoutesConfig routes, PageRoutes pages) {
        routes.post("/t/{id}/players/{playerId}/chip-buy-ins", ctx -> {
            int player = Input.playerId(ctx);
            long chips = Form.wholeNumber(Form.text(ctx, "chips"))
                    .orElseThrow(() ->
                            HttpFailure.at("buy-in:" + player, "Enter the chips to buy as a whole number, like 150."));
            pages.change(ctx, buyIn(ctx, player, new BuyInSize.Chips(chips)), "buy-in:" + player);
        });
        routes.post("/t/{id}/players/{playerId}/edit", ctx -> edit(ctx, pages));
        routes.post("/t/{id}/payments/{n}/paid", ctx -> mark(ctx, pages, true));
        routes.post("/t/{id}/payments/{n}/unpaid", ctx -> mark(ctx, pages, false));
    }

    /** A buy-in paid as the button said ({@code paid}: cash or credit), or as the table's default. */
    static Command.BuyIn buyIn(Context ctx, int player, BuyInSize size) {
        return new Command.BuyIn(player, size, paid(ctx, "paid"));
    }

    /** "cash" or "credit"; anything else is the default's to say. */
    static Optional<Paid> paid(Context ctx, String field) {
        return switch (Form.text(ctx, field)) {
            case "cash" -> Optional.of(Paid.CASH);
            case "credit" -> Optional.of(Paid.CREDIT);
            default -> Optional.empty();
        };
    }

    /** The close form's {@code missingChips}: "share", a player's id, or nothing when no chips are out. */
    static Command.CloseTable closing(Context ctx) {
        String how = Form.text(ctx, "missingChips");
        if (how.isBlank()) {
            return new Command.CloseTable();
        }
        MissingChips missing = how.equals("share")
                ? new MissingChips.SharedBack()
                : new MissingChips.CashedOutBy((int) Form.wholeNumber(how).stream()
                        .filter(id -> id == (int) id)
                        .findFirst()
                        .orElseThrow(() -> HttpFailure.at(
                                "status", "Choose who cashed out the chips still out, or share them back.")));
        return new Command.CloseTable(Optional.of(missing));
    }

    /** The handles are set first (under their own request id), then the name. */
    private static void edit(Context ctx, PageRoutes pages) throws IOException {
        TableId id = Input.tableId(ctx);
        int player = Input.playerId(ctx);
        String field = "edit:" + player;
        Map<PayApp, String> handles = new EnumMap<>(PayApp.class);
        for (PayApp app : PayApp.values()) {
            handles.put(app, Form.text(ctx, app.name().toLowerCase(Locale.ROOT)));
        }
        pages.calls.change(
                id,
                Form.token(ctx),
                new Command.SetPayHandles(player, handles),
                Form.requestId(ctx).map(r -> r + ":handles"),
                Optional.of(field));
        pages.change(ctx, new Command.RenamePlayer(player, Form.text(ctx, "name")), field);
    }

    private static void mark(Context ctx, PageRoutes pages, boolean paid) throws IOException {
        int n = Input.paymentNumber(ctx);
        pages.change(ctx, paid ? new Command.MarkPaid(n) : new Command.UnmarkPaid(n), "payment:" + n);
    }
}

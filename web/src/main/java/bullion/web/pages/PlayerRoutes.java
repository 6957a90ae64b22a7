package bullion.web.pages;

import bullion.core.BuyInSize;
import bullion.core.Command;
import bullion.engine.TableId;
import bullion.web.HttpFailure;
import bullion.web.Input;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The players of a table: add one, buy in, cash out. */
final class PlayerRoutes {

  private PlayerRoutes() {}

  static void register(RoutesConfig routes, PageRoutes pages) {
    routes.post("/t/{id}/players", ctx ->
        pages.change(ctx, Input.tableId(ctx), new Command.AddPlayer(Form.text(ctx, "name")), "add-player"));
    routes.post("/t/{id}/players/{playerId}/buy-ins", ctx -> buyIn(ctx, pages));
    routes.post("/t/{id}/players/{playerId}/cash-outs", ctx -> cashOut(ctx, pages));
  }

  /** One standard buy-in unless the form says how many: the +Buy-in button is a single tap. */
  private static void buyIn(Context ctx, PageRoutes pages) {
    TableId id = Input.tableId(ctx);
    int player = Input.playerId(ctx);
    String count = Form.text(ctx, "count");
    long buyIns = count.isBlank() ? 1 : Form.wholeNumber(count).orElseThrow(
        () -> HttpFailure.at("buy-in:" + player, "Enter how many buy-ins as a whole number, like 1."));
    pages.change(ctx, id, PaymentRoutes.buyIn(ctx, player, new BuyInSize.Count(buyIns)), "buy-in:" + player);
  }

  private static void cashOut(Context ctx, PageRoutes pages) {
    TableId id = Input.tableId(ctx);
    int player = Input.playerId(ctx);
    long chips = Form.wholeNumber(Form.text(ctx, "chips")).orElseThrow(
        () -> HttpFailure.at("cash-out:" + player, "Enter the chips counted as a whole number, like 340."));
    pages.change(ctx, id, new Command.CashOut(player, chips), "cash-out:" + player);
  }
}

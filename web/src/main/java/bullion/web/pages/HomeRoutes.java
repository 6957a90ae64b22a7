package bullion.web.pages;

import bullion.core.Command;
import bullion.core.Rejection;
import bullion.engine.TableId;
import bullion.engine.Tables;
import bullion.web.HttpFailure;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The home page: open a new table, or go to one by its link or id. */
final class HomeRoutes {

  /** A table id alone, or anywhere in a pasted link, with the manage token if the link has one. */
  private static final Pattern LINK = Pattern.compile(
      "(?:^|/t/)([A-Za-z0-9_-]{22})(?:/manage\\?token=([A-Za-z0-9_-]+))?(?:[/?#].*)?$");

  private HomeRoutes() {}

  static void register(RoutesConfig routes, PageRoutes pages) {
    routes.get("/", ctx -> pages.templates.html(ctx, "home.jte", HomePage.blank()));
    routes.post("/tables", ctx -> open(ctx, pages));
    routes.get("/open", HomeRoutes::go);
  }

  private static void open(Context ctx, PageRoutes pages) {
    HomePage typed = typed(ctx);
    BigDecimal price = Form.decimal(typed.price())
        .orElseThrow(() -> HttpFailure.at("price", "Enter the buy-in price as a number, like 20 or 12.50."));
    long chips = Form.wholeNumber(typed.chips())
        .orElseThrow(() -> HttpFailure.at("chips", "Enter the chips per buy-in as a whole number, like 200."));
    Tables.Opened opened = pages.calls.open(new Command.OpenTable(typed.name(), typed.currency(), price, chips,
        PaymentRoutes.paid(ctx, "defaultPaid")), why -> Optional.of(fieldOf(why)));
    ctx.redirect(Links.managePath(opened.id(), opened.manageToken()), HttpStatus.SEE_OTHER);
  }

  /** Goes to the table a pasted link or id names: its manage page if the link has the token. */
  private static void go(Context ctx) {
    Matcher m = LINK.matcher(typed(ctx).link());
    if (!m.find() || TableId.parse(m.group(1)).isEmpty()) {
      throw HttpFailure.at("link", "Paste a table's link, or its 22-character id.");
    }
    TableId id = TableId.parse(m.group(1)).get();
    ctx.redirect(m.group(2) == null ? Links.viewPath(id) : Links.managePath(id, m.group(2)), HttpStatus.SEE_OTHER);
  }

  /** The home page with what this request typed: the open-a-table form's fields, or the link to go to. */
  static HomePage typed(Context ctx) {
    if (ctx.method() == HandlerType.GET) {
      return HomePage.blank().withLink(String.valueOf(ctx.queryParam("link")).strip());
    }
    return HomePage.typed(Form.text(ctx, "name"), Form.text(ctx, "price"), Form.text(ctx, "chips"),
        Form.text(ctx, "currency").strip().toUpperCase(Locale.ROOT));
  }

  /** Which field of the open-a-table form a rejection is about. */
  private static String fieldOf(Rejection why) {
    return switch (why) {
      case Rejection.InvalidTableName r -> "name";
      case Rejection.UnknownCurrency r -> "currency";
      case Rejection.BuyInNotPositive r -> "price";
      case Rejection.BuyInTooPrecise r -> "price";
      case Rejection.BuyInTooLarge r -> "price";
      case Rejection.ChipsPerBuyInOutOfRange r -> "chips";
      default -> "form";
    };
  }
}

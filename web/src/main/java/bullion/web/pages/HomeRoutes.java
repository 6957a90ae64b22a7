package bullion.web.pages;

import bullion.core.Command;
import bullion.core.Rejection;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.Tables;
import bullion.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The home page: open a new table, or go to one by its link or id. */
final class HomeRoutes {

  /** A table id alone, or anywhere in a pasted link, with the manage token if the link has one. */
  private static final Pattern LINK = Pattern.compile(
      "(?:^|/t/)([A-Za-z0-9_-]{22})(?:/manage\\?token=([A-Za-z0-9_-]+))?(?:[/?#].*)?$");

  private final Tables tables;
  private final Templates templates;

  private HomeRoutes(Tables tables, Templates templates) {
    this.tables = tables;
    this.templates = templates;
  }

  static void register(RoutesConfig routes, Tables tables, Templates templates) {
    HomeRoutes home = new HomeRoutes(tables, templates);
    routes.get("/", ctx -> templates.html(ctx, "home.jte", HomePage.blank()));
    routes.post("/tables", home::open);
    routes.get("/open", home::go);
  }

  private void open(Context ctx) {
    String name = FormInput.text(ctx, "name");
    String priceText = FormInput.text(ctx, "price");
    String chipsText = FormInput.text(ctx, "chips");
    String currency = FormInput.text(ctx, "currency").strip().toUpperCase(Locale.ROOT);
    HomePage typed = HomePage.typed(name, priceText, chipsText, currency);
    Optional<BigDecimal> price = FormInput.decimal(priceText);
    OptionalLong chips = FormInput.wholeNumber(chipsText);
    if (price.isEmpty()) {
      refuse(ctx, typed.withOpenError("price", "Enter the buy-in price as a number, like 20 or 12.50."));
      return;
    }
    if (chips.isEmpty()) {
      refuse(ctx, typed.withOpenError("chips", "Enter the chips per buy-in as a whole number, like 200."));
      return;
    }
    Command.OpenTable command = new Command.OpenTable(name, currency, price.get(), chips.getAsLong());
    ctx.future(() -> tables.open(command).toCompletableFuture().thenAccept(opened -> {
      switch (opened.outcome()) {
        case Outcome.Done done -> ctx.redirect(Links.managePath(opened.id(), opened.manageToken()), HttpStatus.SEE_OTHER);
        case Outcome.Refused refused -> refuse(ctx, typed.withOpenError(fieldOf(refused.why()), refused.why().message()));
        default -> throw new IllegalStateException("opening a table answered " + opened.outcome().getClass().getSimpleName());
      }
    }));
  }

  /** Goes to the table a pasted link or id names: its manage page if the link has the token. */
  private void go(Context ctx) {
    String typed = String.valueOf(ctx.queryParam("link")).strip();
    Matcher m = LINK.matcher(typed);
    if (!m.find() || TableId.parse(m.group(1)).isEmpty()) {
      ctx.status(422);
      templates.html(ctx, "home.jte",
          HomePage.blank().withLinkError(typed, "Paste a table's link, or its 22-character id."));
      return;
    }
    TableId id = TableId.parse(m.group(1)).get();
    ctx.redirect(m.group(2) == null ? Links.viewPath(id) : Links.managePath(id, m.group(2)), HttpStatus.SEE_OTHER);
  }

  private void refuse(Context ctx, HomePage page) {
    ctx.status(422);
    templates.html(ctx, "home.jte", page);
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

package bullion.web.pages;

import bullion.engine.TableId;
import bullion.engine.Tables;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/** The players of a table: add one, buy in, cash out. */
final class PlayerRoutes {

  private final Tables tables;
  private final TableResponses responses;

  private PlayerRoutes(Tables tables, TableResponses responses) {
    this.tables = tables;
    this.responses = responses;
  }

  static void register(RoutesConfig routes, Tables tables, TableResponses responses) {
    PlayerRoutes players = new PlayerRoutes(tables, responses);
    routes.post("/t/{id}/players", players::add);
    routes.post("/t/{id}/players/{playerId}/buy-ins", players::buyIn);
    routes.post("/t/{id}/players/{playerId}/cash-outs", players::cashOut);
  }

  private void add(Context ctx) {
    String token = FormInput.token(ctx);
    String name = FormInput.text(ctx, "name");
    FormInput.tableId(ctx).ifPresentOrElse(id -> ctx.future(() -> responses.afterChange(ctx, id, token,
        tables.addPlayer(id, token, name, FormInput.requestId(ctx)), FormError::addPlayer)),
        () -> ErrorPages.notFound(ctx));
  }

  /** One standard buy-in unless the form says how many: the +Buy-in button is a single tap. */
  private void buyIn(Context ctx) {
    withPlayer(ctx, (id, playerId) -> {
      String token = FormInput.token(ctx);
      String countText = FormInput.text(ctx, "count");
      OptionalLong count = countText.isBlank() ? OptionalLong.of(1) : FormInput.wholeNumber(countText);
      if (count.isEmpty()) {
        ctx.future(() -> responses.refuse(ctx, id, token,
            FormError.buyIn(playerId, "Enter how many buy-ins as a whole number, like 1.")));
        return;
      }
      ctx.future(() -> responses.afterChange(ctx, id, token,
          tables.buyIn(id, token, playerId, count.getAsLong(), FormInput.requestId(ctx)),
          message -> FormError.buyIn(playerId, message)));
    });
  }

  private void cashOut(Context ctx) {
    withPlayer(ctx, (id, playerId) -> {
      String token = FormInput.token(ctx);
      OptionalLong chips = FormInput.wholeNumber(FormInput.text(ctx, "chips"));
      if (chips.isEmpty()) {
        ctx.future(() -> responses.refuse(ctx, id, token,
            FormError.cashOut(playerId, "Enter the chips counted as a whole number, like 340.")));
        return;
      }
      ctx.future(() -> responses.afterChange(ctx, id, token,
          tables.cashOut(id, token, playerId, chips.getAsLong(), FormInput.requestId(ctx)),
          message -> FormError.cashOut(playerId, message)));
    });
  }

  private static void withPlayer(Context ctx, BiConsumer<TableId, Integer> action) {
    Optional<TableId> id = FormInput.tableId(ctx);
    Optional<Integer> playerId = FormInput.pathInt(ctx, "playerId");
    if (id.isEmpty() || playerId.isEmpty()) {
      ErrorPages.notFound(ctx);
      return;
    }
    action.accept(id.get(), playerId.get());
  }
}

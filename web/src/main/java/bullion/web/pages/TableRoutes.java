package bullion.web.pages;

import bullion.core.Command;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.web.HttpFailure;
import bullion.web.Input;
import bullion.web.live.TableFeed;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * A table: its view-only page, its manage page, the board fragment that live pages re-fetch, the ledger as
 * CSV, the live stream, and closing and reopening.
 */
final class TableRoutes {

  /** The board's version, so bullion.js can skip a live refresh that would show nothing new. */
  static final String VERSION_HEADER = "Bullion-Version";

  private TableRoutes() {}

  static void register(RoutesConfig routes, PageRoutes pages, TableFeed feed) {
    routes.get("/t/{id}", ctx -> viewOnly(ctx, pages));
    routes.get("/t/{id}/manage", ctx -> manage(ctx, pages));
    routes.get("/t/{id}/fragment", ctx -> fragment(ctx, pages));
    routes.get("/t/{id}/ledger.csv", ctx -> csv(ctx, pages));
    routes.post("/t/{id}/close", ctx -> pages.change(ctx, Input.tableId(ctx), PaymentRoutes.closing(ctx), "status"));
    routes.post("/t/{id}/reopen", ctx -> pages.change(ctx, Input.tableId(ctx), new Command.ReopenTable(), "status"));
    routes.get("/t/{id}/live", ctx -> feed.stream(ctx, pages.calls, Input.tableId(ctx)));
  }

  private static void viewOnly(Context ctx, PageRoutes pages) {
    TableId id = Input.tableId(ctx);
    Outcome.Done done = pages.calls.view(id, Optional.empty());
    pages.render(ctx, TablePage.viewOnly(id, done.table(), Links.of(ctx, id)), 200);
  }

  private static void manage(Context ctx, PageRoutes pages) {
    TableId id = Input.tableId(ctx);
    String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
    Outcome.Done done = pages.calls.view(id, Optional.of(token));
    if (!done.canManage()) {
      throw new HttpFailure(403, "This manage link is not right: its secret part does not match. Ask the host for "
          + "the link again.", Optional.empty(), Optional.of("token"), Map.of());
    }
    pages.render(ctx, TablePage.manage(id, done.table(), Links.of(ctx, id), token, Optional.empty()), 200);
  }

  /** The board alone, for live pages: the manage board if the token matches, the view-only board without one. */
  private static void fragment(Context ctx, PageRoutes pages) {
    TableId id = Input.tableId(ctx);
    Optional<String> token = Optional.ofNullable(ctx.queryParam("token"));
    Outcome.Done done = pages.calls.view(id, token);
    ctx.header(VERSION_HEADER, String.valueOf(done.table().version()));
    if (token.isPresent() && !done.canManage()) {
      throw new HttpFailure(403, "The manage token does not match this table.");
    }
    pages.show(ctx, "board.jte", token.isEmpty() ? TablePage.viewOnly(id, done.table(), Links.of(ctx, id))
        : TablePage.manage(id, done.table(), Links.of(ctx, id), token.get(), Optional.empty()), 200);
  }

  private static void csv(Context ctx, PageRoutes pages) {
    TableId id = Input.tableId(ctx);
    Outcome.Done done = pages.calls.view(id, Optional.empty());
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"bullion-" + id.value() + ".csv\"");
    ctx.result(LedgerCsv.of(done.table()));
  }
}

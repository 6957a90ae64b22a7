package bullion.web.pages;

import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.Tables;
import bullion.web.ExistenceCheck;
import bullion.web.Templates;
import bullion.web.live.TableFeed;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * A table: its view-only page, its manage page, the board fragment that live pages re-fetch, the ledger as
 * CSV, the live stream, and closing and reopening.
 */
final class TableRoutes {

  /** The board's version, so bullion.js can skip a live refresh that would show nothing new. */
  static final String VERSION_HEADER = "Bullion-Version";

  private final Tables tables;
  private final Templates templates;
  private final TableResponses responses;

  private TableRoutes(Tables tables, Templates templates, TableResponses responses) {
    this.tables = tables;
    this.templates = templates;
    this.responses = responses;
  }

  static void register(RoutesConfig routes, Tables tables, Templates templates, TableResponses responses,
      TableFeed feed) {
    TableRoutes table = new TableRoutes(tables, templates, responses);
    routes.get("/t/{id}", table::viewOnly);
    routes.get("/t/{id}/manage", table::manage);
    routes.get("/t/{id}/fragment", table::fragment);
    routes.get("/t/{id}/ledger.csv", table::csv);
    routes.post("/t/{id}/close", ctx -> table.change(ctx, true));
    routes.post("/t/{id}/reopen", ctx -> table.change(ctx, false));
    // The check runs before the stream opens, so an unknown table is a real 404, not an empty stream.
    routes.before("/t/{id}/live", table::requireTable);
    routes.sse("/t/{id}/live", client -> feed.connect(TableId.parse(client.ctx().pathParam("id")).orElseThrow(), client));
  }

  private void viewOnly(Context ctx) {
    withId(ctx, id -> ctx.future(() -> tables.view(id, Optional.empty()).toCompletableFuture().thenAccept(outcome -> {
      if (outcome instanceof Outcome.Done done) {
        responses.render(ctx, TableResponses.viewOnly(ctx, id, done.table()), 200);
      } else {
        ErrorPages.notFound(ctx);
      }
    })));
  }

  private void manage(Context ctx) {
    String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
    withId(ctx, id -> ctx.future(() -> tables.view(id, Optional.of(token)).toCompletableFuture().thenAccept(outcome -> {
      switch (outcome) {
        case Outcome.Done done when done.canManage() ->
            responses.render(ctx, TablePage.manage(id, done.table(), Links.of(ctx, id), token, Optional.empty()), 200);
        case Outcome.Done viewOnly -> ErrorPages.show(ctx, 403,
            "This manage link is not right: its secret part does not match. Ask the host for the link again.");
        default -> ErrorPages.notFound(ctx);
      }
    })));
  }

  /** The board alone, for live pages: the manage board if the token matches, the view-only board without one. */
  private void fragment(Context ctx) {
    Optional<String> token = Optional.ofNullable(ctx.queryParam("token"));
    withId(ctx, id -> ctx.future(() -> tables.view(id, token).toCompletableFuture().thenAccept(outcome -> {
      if (outcome instanceof Outcome.Done done) {
        ctx.header(VERSION_HEADER, String.valueOf(done.table().version()));
      }
      switch (outcome) {
        case Outcome.Done done when token.isEmpty() ->
            templates.html(ctx, "board.jte", TableResponses.viewOnly(ctx, id, done.table()));
        case Outcome.Done done when done.canManage() -> {
          ctx.header("Cache-Control", "no-store");
          templates.html(ctx, "board.jte",
              TablePage.manage(id, done.table(), Links.of(ctx, id), token.get(), Optional.empty()));
        }
        case Outcome.Done wrongToken -> ErrorPages.forbidden(ctx);
        default -> ErrorPages.notFound(ctx);
      }
    })));
  }

  private void csv(Context ctx) {
    withId(ctx, id -> ctx.future(() -> tables.view(id, Optional.empty()).toCompletableFuture().thenAccept(outcome -> {
      if (outcome instanceof Outcome.Done done) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"bullion-" + id.value() + ".csv\"");
        ctx.result(LedgerCsv.of(done.table()));
      } else {
        ErrorPages.notFound(ctx);
      }
    })));
  }

  private void change(Context ctx, boolean close) {
    String token = FormInput.token(ctx);
    withId(ctx, id -> ctx.future(() -> responses.afterChange(ctx, id, token,
        close ? tables.close(id, token, FormInput.requestId(ctx)) : tables.reopen(id, token, FormInput.requestId(ctx)),
        FormError::status)));
  }

  /** A table that does not answer in time throws TimeoutException, which {@link ErrorPages} answers with 503. */
  private void requireTable(Context ctx) throws InterruptedException, TimeoutException {
    Optional<TableId> id = FormInput.tableId(ctx);
    if (id.isEmpty() || !(ExistenceCheck.await(tables, id.get()) instanceof Outcome.Done)) {
      throw new NotFoundResponse("No such table.");
    }
  }

  private static void withId(Context ctx, java.util.function.Consumer<TableId> action) {
    FormInput.tableId(ctx).ifPresentOrElse(action, () -> ErrorPages.notFound(ctx));
  }
}

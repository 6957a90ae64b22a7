package bullion.web.pages;

import bullion.core.Rejection;
import bullion.core.Table;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.Tables;
import bullion.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * How every manage form answers. Without JavaScript: a change redirects back to the manage page
 * (Post/Redirect/Get) and a refusal re-renders the page with 422 and the message beside the control. With
 * htmx (the {@code HX-Request} header): the re-rendered board, the same message in it on a refusal.
 */
final class TableResponses {

  private final Tables tables;
  private final Templates templates;

  TableResponses(Tables tables, Templates templates) {
    this.tables = tables;
    this.templates = templates;
  }

  static boolean fromHtmx(Context ctx) {
    return "true".equals(ctx.header("HX-Request"));
  }

  /** The table page, or only its board for htmx. */
  void render(Context ctx, TablePage page, int status) {
    ctx.status(status);
    if (page.manage()) {
      // The page carries the manage token: keep it out of every cache.
      ctx.header("Cache-Control", "no-store");
    }
    templates.html(ctx, fromHtmx(ctx) ? "board.jte" : "table.jte", page);
  }

  /** Answers a change the facade has carried out or refused; {@code errorAt} places a refusal on the page. */
  CompletableFuture<Void> afterChange(Context ctx, TableId id, String token, CompletionStage<Outcome> change,
      Function<String, FormError> errorAt) {
    return change.toCompletableFuture().thenCompose(outcome -> switch (outcome) {
      case Outcome.Done done -> {
        if (fromHtmx(ctx)) {
          render(ctx, TablePage.manage(id, done.table(), Links.of(ctx, id), token, Optional.empty()), 200);
        } else {
          ctx.redirect(Links.managePath(id, token), HttpStatus.SEE_OTHER);
        }
        yield CompletableFuture.completedFuture(null);
      }
      // A player or entry that does not exist has no control to show the message beside: it is a 404.
      case Outcome.Refused refused when refused.why() instanceof Rejection.NotFound ->
          done(() -> ErrorPages.show(ctx, 404, refused.why().message()));
      case Outcome.Refused refused -> refuse(ctx, id, token, errorAt.apply(refused.why().message()));
      case Outcome.RequestIdReused reused ->
          refuse(ctx, id, token, errorAt.apply("That form was already sent once; look at the table and try again."));
      case Outcome.Forbidden forbidden -> done(() -> ErrorPages.forbidden(ctx));
      case Outcome.NotFound notFound -> done(() -> ErrorPages.notFound(ctx));
    });
  }

  /** Shows the manage page as it is now, with {@code error} beside its control and status 422. */
  CompletableFuture<Void> refuse(Context ctx, TableId id, String token, FormError error) {
    return tables.view(id, Optional.of(token)).toCompletableFuture().thenAccept(outcome -> {
      switch (outcome) {
        case Outcome.Done done when done.canManage() ->
            render(ctx, TablePage.manage(id, done.table(), Links.of(ctx, id), token, Optional.of(error)), 422);
        case Outcome.Done viewOnly -> ErrorPages.forbidden(ctx);
        case Outcome.NotFound notFound -> ErrorPages.notFound(ctx);
        default -> throw new IllegalStateException("a view answered " + outcome.getClass().getSimpleName());
      }
    });
  }

  /** The table as the view-only page shows it. */
  static TablePage viewOnly(Context ctx, TableId id, Table table) {
    return TablePage.viewOnly(id, table, Links.of(ctx, id));
  }

  private static CompletableFuture<Void> done(Runnable action) {
    action.run();
    return CompletableFuture.completedFuture(null);
  }
}

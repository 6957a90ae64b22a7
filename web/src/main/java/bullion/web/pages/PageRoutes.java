package bullion.web.pages;

import bullion.core.Command;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.web.HttpFailure;
import bullion.web.Input;
import bullion.web.TableCalls;
import bullion.web.Templates;
import bullion.web.live.TableFeed;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTML pages' routes (home, tables, players, ledger entries) and how pages answer: a table page or its board,
 * a change by Post/Redirect/Get (the board for htmx), a failure as a page in plain words or, when a form's content
 * was refused, that form shown again with 422 and the sentence beside its control.
 */
public final class PageRoutes {

  private static final Map<Integer, ErrorPage> PAGES = Map.of(
      400, new ErrorPage(400, "That request did not make sense", "Go back and try again."),
      403, new ErrorPage(403, "Not allowed from here",
          "This page cannot change the table. Changes need the table's manage link, used on this site."),
      404, new ErrorPage(404, "No such table or page",
          "Check the link: a table's link looks like /t/ followed by 22 letters and digits."),
      405, new ErrorPage(405, "That cannot be done here", "Go back and try again."),
      413, new ErrorPage(413, "That was too much to send", "Send less text and try again."),
      415, new ErrorPage(415, "That kind of form is not accepted", "Use the forms on these pages and try again."),
      429, new ErrorPage(429, "Too many requests", "Wait a moment, then try again."),
      500, new ErrorPage(500, "Something went wrong on our side", "Nothing you did caused this. Try again in a moment."),
      503, new ErrorPage(503, "Bullion is busy", "A table did not answer in time. Try again in a moment."));

  final TableCalls calls;
  final Templates templates;

  public PageRoutes(TableCalls calls, Templates templates) {
    this.calls = calls;
    this.templates = templates;
  }

  public void register(RoutesConfig routes, TableFeed feed) {
    HomeRoutes.register(routes, this);
    TableRoutes.register(routes, this, feed);
    PlayerRoutes.register(routes, this);
    EntryRoutes.register(routes, this);
    PaymentRoutes.register(routes, this);
  }

  /** The table page, or only its board for htmx. */
  void render(Context ctx, TablePage page, int status) {
    show(ctx, "true".equals(ctx.header("HX-Request")) ? "board.jte" : "table.jte", page, status);
  }

  void show(Context ctx, String template, TablePage page, int status) {
    if (page.manage()) {
      // The page carries the manage token: keep it out of every cache.
      ctx.header("Cache-Control", "no-store");
    }
    ctx.status(status);
    templates.html(ctx, template, page);
  }

  /** A manage form's change: {@code field} is the control a rejection is shown beside. */
  void change(Context ctx, TableId id, Command command, String field) {
    String token = Form.token(ctx);
    Outcome.Done done = calls.change(id, token, command, Form.requestId(ctx), Optional.of(field));
    if ("true".equals(ctx.header("HX-Request"))) {
      render(ctx, TablePage.manage(id, done.table(), Links.of(ctx, id), token, Optional.empty()), 200);
    } else {
      ctx.redirect(Links.managePath(id, token), HttpStatus.SEE_OTHER);
    }
  }

  /** Answers {@code failure} for a person; never a stack trace. */
  public void failed(Context ctx, HttpResponseException failure) {
    if (failure instanceof HttpFailure f && f.field().isPresent() && Set.of(400, 409, 422).contains(f.getStatus())) {
      try {
        refused(ctx, f);
        return;
      } catch (HttpResponseException whileShowingTheForm) {
        failure = whileShowingTheForm;
        ctx.status(failure.getStatus());
      }
    }
    int status = failure.getStatus();
    ErrorPage page = PAGES.getOrDefault(status, PAGES.get(status < 500 ? 400 : 500));
    // A sentence written for this request (the core's, or one about a field) replaces the status's explanation.
    boolean own = failure instanceof HttpFailure f && (f.rejection().isPresent() || f.field().isPresent());
    String message = own ? failure.getMessage() : page.message();
    String accept = ctx.header("Accept");
    if (accept != null && accept.contains("html")) {
      templates.html(ctx, "error.jte", new ErrorPage(status, page.title(), message));
    } else {
      ctx.result(message);
    }
  }

  /** The form that was sent, shown again with 422 and the refusal beside {@code failure.field()}. */
  private void refused(Context ctx, HttpFailure failure) {
    if (!ctx.pathParamMap().containsKey("id")) {
      ctx.status(422);
      templates.html(ctx, "home.jte", HomeRoutes.typed(ctx).withError(failure.field().orElseThrow(), failure.getMessage()));
      return;
    }
    TableId id = Input.tableId(ctx);
    String token = Form.token(ctx);
    Outcome.Done now = calls.view(id, Optional.of(token));
    if (!now.canManage()) {
      throw new HttpFailure(403, "The manage token does not match this table.");
    }
    render(ctx, TablePage.manage(id, now.table(), Links.of(ctx, id), token, Optional.of(failure)), 422);
  }
}

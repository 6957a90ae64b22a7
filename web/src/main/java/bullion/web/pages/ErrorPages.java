package bullion.web.pages;

import bullion.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The plain-words pages for errors, for browsers (requests that accept HTML) outside /api, whose errors the
 * JSON API renders itself. Handlers call {@link #show}; Javalin's own failures (an unknown path, a body too
 * large, a cross-site or rate-limited request, an uncaught exception) reach the same pages through its error
 * mapper, so no response ever carries a stack trace.
 */
final class ErrorPages {

  private static final String MESSAGE = "bullion.error-message";
  /** What a busy page asks a browser (and a person) to wait before trying again. */
  static final int RETRY_AFTER_SECONDS = 5;

  private static final Map<Integer, ErrorPage> DEFAULTS = Map.of(
      400, new ErrorPage(400, "That request did not make sense", "Go back and try again."),
      403, new ErrorPage(403, "Not allowed from here",
          "This page cannot change the table. Changes need the table's manage link, used on this site."),
      404, new ErrorPage(404, "No such table or page",
          "Check the link: a table's link looks like /t/ followed by 22 letters and digits."),
      405, new ErrorPage(405, "That cannot be done here", "Go back and try again."),
      413, new ErrorPage(413, "That was too much to send", "Send less text and try again."),
      415, new ErrorPage(415, "That kind of form is not accepted", "Use the forms on these pages and try again."),
      429, new ErrorPage(429, "Too many requests", "Wait a moment, then try again."),
      500, new ErrorPage(500, "Something went wrong on our side",
          "Nothing you did caused this. Try again in a moment."),
      503, new ErrorPage(503, "Bullion is busy", "Try again in a moment."));

  private ErrorPages() {}

  static void register(RoutesConfig routes, Templates templates) {
    DEFAULTS.keySet().forEach(status -> routes.error(status, "html", ctx -> render(ctx, templates, status)));
    // A table that does not answer in time: Pekko's AskTimeoutException is a TimeoutException, and Javalin unwraps
    // the CompletionException a failed ctx.future() carries, so this catches both. The API maps its own calls
    // (FacadeCalls) and never lets one reach here; if one did, it would still be a 503, without the page.
    routes.exception(TimeoutException.class, (e, ctx) -> busy(ctx));
  }

  /** The table did not answer in time: busy, not broken, so a retry in a moment may well work. */
  static void busy(Context ctx) {
    ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    show(ctx, 503, "A table did not answer in time. Try again in a moment.");
  }

  /** Answers {@code status} with its page; {@code message}, if not empty, replaces the default explanation. */
  static void show(Context ctx, int status, String message) {
    ctx.status(status);
    if (!message.isEmpty()) {
      ctx.attribute(MESSAGE, message);
    }
    // The error mapper renders the page; this body is for clients that do not accept HTML.
    ctx.result(message.isEmpty() ? DEFAULTS.get(status).title() : message);
  }

  static void notFound(Context ctx) {
    show(ctx, 404, "");
  }

  static void forbidden(Context ctx) {
    show(ctx, 403, "");
  }

  private static void render(Context ctx, Templates templates, int status) {
    if (ctx.path().startsWith("/api")) {
      return;
    }
    ErrorPage page = DEFAULTS.get(status);
    String message = ctx.attribute(MESSAGE);
    templates.html(ctx, "error.jte", message == null ? page : new ErrorPage(status, page.title(), message));
  }
}

package bullion.web.api;

import bullion.core.Rejection;
import bullion.engine.Outcome;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 9457 problem details. Every problem has type {@code about:blank}, so its title is the status's standard
 * phrase and {@code detail} carries the specific sentence; a refusal by the core also names its rejection in
 * {@code rejection}, so scripts can tell one 409 from another without parsing English.
 */
final class ProblemJson {

  static final String CONTENT_TYPE = "application/problem+json";

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Body(String type, String title, int status, String detail, String rejection) {}

  private ProblemJson() {}

  static Body body(Reply.Problem problem) {
    return new Body("about:blank", problem.title(), problem.status(), problem.detail(), problem.rejection().orElse(null));
  }

  /** The core sorts its rejections; this is the only place that turns a kind into a status. */
  static int status(Rejection why) {
    return switch (why) {
      case Rejection.InvalidInput invalid -> 400;
      case Rejection.NotFound notFound -> 404;
      case Rejection.Conflict conflict -> 409;
    };
  }

  static Reply.Problem of(Rejection why) {
    int status = status(why);
    return new Reply.Problem(status, title(status), why.message(), Optional.of(why.getClass().getSimpleName()), Map.of());
  }

  /** The problem for every outcome that is not {@link Outcome.Done}. */
  static Reply.Problem of(Outcome outcome, String tableId) {
    return switch (outcome) {
      case Outcome.Refused refused -> of(refused.why());
      case Outcome.NotFound notFound -> Reply.Problem.of(404, "There is no table " + tableId + ".");
      case Outcome.Forbidden forbidden -> Reply.Problem.of(403, "The manage token does not match this table.");
      case Outcome.RequestIdReused reused -> Reply.Problem.of(422,
          "The Idempotency-Key " + reused.requestId() + " was already used for a different request to this table.");
      case Outcome.Done done -> throw new IllegalArgumentException("a done outcome is not a problem");
    };
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }
}

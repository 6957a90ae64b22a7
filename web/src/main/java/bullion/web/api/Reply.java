package bullion.web.api;

import java.util.Map;
import java.util.Optional;

/**
 * What a handler answers before it is written: a JSON body or an RFC 9457 problem. Handlers build replies as
 * values so that a remembered reply (idempotent table creation) can be sent again exactly.
 */
sealed interface Reply {

  int status();

  Map<String, String> headers();

  record Json(int status, Object body, Map<String, String> headers) implements Reply {
    public Json {
      headers = Map.copyOf(headers);
    }

    static Json ok(Object body) {
      return new Json(200, body, Map.of());
    }

    static Json created(Object body, String location) {
      return new Json(201, body, Map.of("Location", location));
    }

    static Json created(Object body) {
      return new Json(201, body, Map.of());
    }
  }

  /**
   * {@code title} is the status's standard phrase; {@code detail} says what exactly is wrong with this request;
   * {@code rejection} names the core's rejection when the core refused it.
   */
  record Problem(int status, String title, String detail, Optional<String> rejection, Map<String, String> headers)
      implements Reply {
    public Problem {
      headers = Map.copyOf(headers);
    }

    static Problem of(int status, String detail) {
      return new Problem(status, ProblemJson.title(status), detail, Optional.empty(), Map.of());
    }
  }
}

package bullion.web.api;

import java.util.Map;
import java.util.Optional;

/**
 * Thrown while reading a request that cannot become a command (malformed JSON, a path id that cannot exist,
 * no token): the route's exception handler answers it as a problem. Not for rules of the game, which the core
 * answers as rejections.
 */
final class ApiProblem extends RuntimeException {

  private final transient Reply.Problem problem;

  ApiProblem(Reply.Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  static ApiProblem badRequest(String detail) {
    return new ApiProblem(Reply.Problem.of(400, detail));
  }

  static ApiProblem notFound(String detail) {
    return new ApiProblem(Reply.Problem.of(404, detail));
  }

  static ApiProblem withHeaders(int status, String detail, Map<String, String> headers) {
    return new ApiProblem(new Reply.Problem(status, ProblemJson.title(status), detail, Optional.empty(), headers));
  }

  Reply.Problem problem() {
    return problem;
  }
}

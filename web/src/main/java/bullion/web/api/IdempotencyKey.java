package bullion.web.api;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The optional {@code Idempotency-Key} header of a POST. It becomes the facade's request id, which the table
 * stores with what the request recorded, so a retry is answered the same without recording anything twice.
 */
final class IdempotencyKey {

  static final int MAX_LENGTH = 200;
  private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

  private IdempotencyKey() {}

  static Optional<String> from(Context ctx) {
    String key = ctx.header("Idempotency-Key");
    if (key == null) {
      return Optional.empty();
    }
    if (!VISIBLE_ASCII.matcher(key).matches()) {
      throw ApiProblem.badRequest("An Idempotency-Key is 1 to " + MAX_LENGTH
          + " visible ASCII characters without spaces, such as a UUID.");
    }
    return Optional.of(key);
  }
}

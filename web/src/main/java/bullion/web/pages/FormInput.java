package bullion.web.pages;

import bullion.engine.TableId;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads what a form sent into values a command can carry. Only the shape is checked here (is it a number at
 * all?); whether the value is allowed is the core's rule, answered as a rejection.
 */
final class FormInput {

  private static final int MAX_NUMBER_LENGTH = 30;
  private static final int MAX_REQUEST_ID_LENGTH = 64;

  private FormInput() {}

  static Optional<TableId> tableId(Context ctx) {
    return TableId.parse(ctx.pathParam("id"));
  }

  /** The manage token a form carries in its hidden field, or "" (which no table accepts). */
  static String token(Context ctx) {
    String token = ctx.formParam("token");
    return token == null ? "" : token;
  }

  static String text(Context ctx, String field) {
    String value = ctx.formParam(field);
    return value == null ? "" : value;
  }

  static Optional<String> requestId(Context ctx) {
    String id = ctx.formParam("requestId");
    return id == null || id.isBlank() || id.length() > MAX_REQUEST_ID_LENGTH ? Optional.empty() : Optional.of(id);
  }

  static OptionalLong wholeNumber(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_NUMBER_LENGTH || !trimmed.matches("[+-]?\\d+")) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(trimmed));
    } catch (NumberFormatException tooLarge) {
      return OptionalLong.empty();
    }
  }

  /**
   * A decimal like "20" or "12.50". "12,50" is read as 12.50 too (phones in many countries offer only a comma),
   * but "1,000" is refused rather than guessed at.
   */
  static Optional<BigDecimal> decimal(String text) {
    String trimmed = text.strip();
    if (trimmed.matches("\\d+,\\d{1,2}")) {
      trimmed = trimmed.replace(',', '.');
    }
    if (trimmed.isEmpty() || trimmed.length() > MAX_NUMBER_LENGTH || !trimmed.matches("[+-]?\\d*(\\.\\d*)?")
        || trimmed.matches("[+-]?\\.?")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(trimmed));
  }

  static Optional<Integer> pathInt(Context ctx, String name) {
    OptionalLong value = wholeNumber(ctx.pathParam(name));
    return value.isPresent() && value.getAsLong() > 0 && value.getAsLong() <= Integer.MAX_VALUE
        ? Optional.of((int) value.getAsLong())
        : Optional.empty();
  }
}

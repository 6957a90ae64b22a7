package bullion.web.pages;

import bullion.engine.TableId;
import bullion.web.Numbers;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads what a form sent into values a command can carry. Only the shape is checked here (is it a number at
 * all?); whether the value is allowed is the core's rule, answered as a rejection.
 */
final class FormInput {

  private static final Pattern COMMA_DECIMAL = Pattern.compile("[0-9]+,[0-9]{1,2}");
  private static final Pattern TRAILING_POINT = Pattern.compile("(?<=[0-9])\\.$");
  private static final Pattern LEADING_PLUS = Pattern.compile("^\\+(?=[0-9.])");
  private static final Pattern LEADING_POINT = Pattern.compile("^(-?)\\.(?=[0-9])");
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
    return Numbers.wholeNumber(text.strip());
  }

  /**
   * A decimal like "20" or "12.50", as a person types it: "12,50" is read as 12.50 too (phones in many countries
   * offer only a comma), and "+5", ".5" and "5." are read as 5, 0.5 and 5; but "1,000" is refused rather than
   * guessed at. What is left must be a plain decimal that {@link Numbers} reads, so the bounds are the API's.
   */
  static Optional<BigDecimal> decimal(String text) {
    String typed = text.strip();
    if (COMMA_DECIMAL.matcher(typed).matches()) {
      typed = typed.replace(',', '.');
    }
    // Anchored patterns on the stripped text: linear work however long the field is.
    typed = TRAILING_POINT.matcher(typed).replaceFirst("");
    typed = LEADING_PLUS.matcher(typed).replaceFirst("");
    typed = LEADING_POINT.matcher(typed).replaceFirst("$10.");
    return Numbers.decimal(typed);
  }

  static Optional<Integer> pathInt(Context ctx, String name) {
    OptionalLong value = wholeNumber(ctx.pathParam(name));
    return value.isPresent() && value.getAsLong() > 0 && value.getAsLong() <= Integer.MAX_VALUE
        ? Optional.of((int) value.getAsLong())
        : Optional.empty();
  }
}

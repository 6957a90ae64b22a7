package bullion.web.pages;

import bullion.web.Input;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What a form sent, read by {@link Input}'s rules; this adds only what a person types and a JSON client does not:
 * spaces around a number, a decimal comma, and fields that may be missing or blank.
 */
final class Form {

    private static final Pattern COMMA_DECIMAL = Pattern.compile("[0-9]+,[0-9]{1,2}");
    private static final Pattern TRAILING_POINT = Pattern.compile("(?<=[0-9])\\.$");
    private static final Pattern LEADING_PLUS = Pattern.compile("^\\+(?=[0-9.])");
    private static final Pattern LEADING_POINT = Pattern.compile("^(-?)\\.(?=[0-9])");

    private Form() {}

    /** The text of {@code field}, or "" when the form left it out. */
    static String text(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }

    /** The manage token a form carries in its hidden field, or "" (which no table accepts). */
    static String token(Context ctx) {
        return text(ctx, "token");
    }

    /** The hidden {@code requestId}; a blank one is none. */
    static Optional<String> requestId(Context ctx) {
        return Input.requestId(Optional.of(text(ctx, "requestId")).filter(id -> !id.isBlank()));
    }

    static OptionalLong wholeNumber(String text) {
        return Input.wholeNumber(text.strip());
    }

    /**
     * A decimal like "20" or "12.50", as a person types it: "12,50" is read as 12.50 too (phones in many countries
     * offer only a comma), and "+5", ".5" and "5." are read as 5, 0.5 and 5; but "1,000" is refused rather than
     * guessed at. What is left must be a plain decimal that {@link Input} reads, so the bounds are the API's.
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
        return Input.decimal(typed);
    }
}

package bullion.web;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Numbers typed into a form or sent to the API, read as plain digits only. Every read is bounded: the length is
 * checked before any pattern or {@link BigDecimal} sees the text, so a client cannot make the server spend
 * seconds (or gigabytes) on a number no table could use. Whether a value is allowed stays the core's rule.
 */
public final class Numbers {

  /** Whole digits: enough for any long, and far beyond any buy-in price. */
  public static final int MAX_WHOLE_DIGITS = 20;
  /** Fraction digits: more than any currency has, so the core can still say "too precise" in its own words. */
  public static final int MAX_FRACTION_DIGITS = 10;

  private static final int MAX_DECIMAL_LENGTH = 1 + MAX_WHOLE_DIGITS + 1 + MAX_FRACTION_DIGITS;
  private static final int MAX_WHOLE_LENGTH = 1 + MAX_WHOLE_DIGITS;
  private static final Pattern DECIMAL =
      Pattern.compile("-?[0-9]{1," + MAX_WHOLE_DIGITS + "}(\\.[0-9]{1," + MAX_FRACTION_DIGITS + "})?");
  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1," + MAX_WHOLE_DIGITS + "}");

  private Numbers() {}

  /**
   * A plain decimal such as "20" or "-12.50"; nothing else ("1e3", " 20", "+5", ".5", "1,000") is guessed at.
   */
  public static Optional<BigDecimal> decimal(String text) {
    if (text.length() > MAX_DECIMAL_LENGTH || !DECIMAL.matcher(text).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(text));
  }

  /** A whole number such as "200", "+3" or "-1" that fits in a long. */
  public static OptionalLong wholeNumber(String text) {
    if (text.length() > MAX_WHOLE_LENGTH || !WHOLE.matcher(text).matches()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text));
    } catch (NumberFormatException beyondLong) {
      return OptionalLong.empty();
    }
  }

  /** At most {@code max} characters of what a client sent, for an error message that repeats it. */
  public static String shortened(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
  }
}

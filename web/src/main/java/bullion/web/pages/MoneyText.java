package bullion.web.pages;

import bullion.core.Money;
import bullion.core.TableTerms;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Money as people read it: the currency's symbol and exactly its minor digits ("$32.50", "¥1,286"). Formats the
 * exact {@link BigDecimal}, never a double, so what is shown is what the core computed.
 */
final class MoneyText {

  private MoneyText() {}

  static String of(Money money) {
    return format(money.amount(), money.currency(), money.currency().getDefaultFractionDigits());
  }

  /** A net: "+$12.50" for a winner, "−$12.50" (a real minus sign) for a loser, "$0.00" for even. */
  static String signed(Money money) {
    String magnitude = of(money.signum() < 0 ? money.negate() : money);
    return switch (money.signum()) {
      case 1 -> "+" + magnitude;
      case -1 -> "\u2212" + magnitude;
      default -> magnitude;
    };
  }

  /**
   * One chip's worth: exact when the price divides evenly ("$0.10"), otherwise to two digits past the
   * currency's minor unit and marked as approximate ("≈ $0.0667"). Shown only, never used in a sum.
   */
  static String chipValue(TableTerms settings) {
    BigDecimal price = settings.buyIn().amount();
    BigDecimal chips = BigDecimal.valueOf(settings.chipsPerBuyIn());
    int digits = settings.currency().getDefaultFractionDigits();
    try {
      BigDecimal exact = price.divide(chips);
      return format(exact, settings.currency(), Math.max(digits, exact.stripTrailingZeros().scale()));
    } catch (ArithmeticException nonTerminating) {
      int scale = digits + 2;
      return "\u2248 " + format(price.divide(chips, scale, RoundingMode.HALF_UP), settings.currency(), scale);
    }
  }

  private static String format(BigDecimal amount, Currency currency, int fractionDigits) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
    format.setCurrency(currency);
    format.setMinimumFractionDigits(fractionDigits);
    format.setMaximumFractionDigits(fractionDigits);
    return format.format(amount);
  }
}

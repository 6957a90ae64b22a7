package bullion.web.pages;

import bullion.core.Money;
import bullion.core.TableTerms;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;

/**
 * Money as its reader writes it: the table's currency, exactly its minor digits, in the reader's locale ("$32.50",
 * "32,50 €", "¥1,286", "BHD 1.250"), and one minus sign, U+2212, wherever an amount is negative. Formats the exact
 * {@link BigDecimal}, never a double, so what is shown is what the core computed.
 */
final class MoneyText {

    static final String MINUS = "\u2212";

    private MoneyText() {}

    /** The locale the first of {@code acceptLanguage}'s languages that Java can format, or en-US. */
    static Locale reader(String acceptLanguage) {
        try {
            Locale best = Locale.lookup(
                    Locale.LanguageRange.parse(acceptLanguage == null ? "" : acceptLanguage),
                    Arrays.asList(NumberFormat.getAvailableLocales()));
            return best == null || best.getLanguage().isEmpty() ? Locale.US : best;
        } catch (IllegalArgumentException unreadable) {
            return Locale.US;
        }
    }

    static String of(Money money) {
        return of(money, Locale.US);
    }

    static String of(Money money, Locale reader) {
        String magnitude =
                format(money.amount().abs(), money.currency(), money.currency().getDefaultFractionDigits(), reader);
        return money.signum() < 0 ? MINUS + magnitude : magnitude;
    }

    /** A net: "+$12.50" for a winner, "−$12.50" for a loser, "$0.00" for even. */
    static String signed(Money money, Locale reader) {
        return (money.signum() > 0 ? "+" : "") + of(money, reader);
    }

    /**
     * What chips are worth, never finer than the currency's minor unit: "one chip is $0.10"; when one chip is worth
     * less than that, the fewest chips (10, 100, …) worth whole minor units, "10 chips are $0.05"; when no such count
     * divides evenly, "one chip is about $0.07". Shown only, never used in a sum.
     */
    static String chipValue(TableTerms settings, Locale reader) {
        BigDecimal price = settings.buyIn().amount();
        Currency currency = settings.currency();
        int digits = currency.getDefaultFractionDigits();
        for (long chips = 1; chips <= settings.chipsPerBuyIn(); chips *= 10) {
            BigDecimal worth = price.multiply(BigDecimal.valueOf(chips))
                    .divide(BigDecimal.valueOf(settings.chipsPerBuyIn()), digits + 20, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            if (worth.scale() <= digits) {
                return (chips == 1 ? "one chip is " : chips + " chips are ") + format(worth, currency, digits, reader);
            }
        }
        BigDecimal about = price.divide(BigDecimal.valueOf(settings.chipsPerBuyIn()), digits, RoundingMode.HALF_UP);
        return "one chip is about " + format(about, currency, digits, reader);
    }

    private static String format(BigDecimal amount, Currency currency, int fractionDigits, Locale reader) {
        NumberFormat format = NumberFormat.getCurrencyInstance(reader);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(fractionDigits);
        format.setMaximumFractionDigits(fractionDigits);
        // A code for a symbol ("BHD") is kept apart from its digits, as Unicode's currency spacing asks: "BHD 1.250".
        return format.format(amount)
                .replaceFirst("^([A-Z]{3})(\\d)", "$1\u00a0$2")
                .replaceFirst("(\\d)([A-Z]{3})$", "$1\u00a0$2");
    }
}

package bullion.web.pages;

import bullion.core.Money;
import bullion.core.TableTerms;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Money as its reader writes it: the table's currency, exactly its minor digits, in the reader's locale ("$32.50",
 * "32,50 €", "¥1,286", "BHD 1.250"), and one minus sign, U+2212, wherever an amount is negative. Formats the exact
 * {@link BigDecimal}, never a double, so what is shown is what the core computed.
 */
final class MoneyText {

    static final String MINUS = "\u2212";

    /**
     * What a page writes many times over (every amount of every row) is set up once: the locales Java can format, the
     * two patterns below, and one formatter per locale, currency and digits, cloned for each use (a
     * {@link NumberFormat} is not thread-safe, and a manage page made one from its locale's pattern, and compiled both
     * patterns, for each of its hundred or so amounts); and the reader's locale per {@code Accept-Language} header.
     * At most {@link #REMEMBERED} of each are kept; past that a request works its own out, as before.
     */
    private static final List<Locale> FORMATTABLE = List.of(NumberFormat.getAvailableLocales());

    private static final Pattern CODE_BEFORE_DIGITS = Pattern.compile("^([A-Z]{3})(\\d)");
    private static final Pattern CODE_AFTER_DIGITS = Pattern.compile("(\\d)([A-Z]{3})$");
    private static final int REMEMBERED = 1_000;

    private record FormatKey(Locale reader, Currency currency, int fractionDigits) {}

    private static final Map<FormatKey, NumberFormat> FORMATS = new ConcurrentHashMap<>();

    /** One amount as one reader sees it in one currency; {@code amount}'s scale is part of it, as in BigDecimal. */
    private record Written(FormatKey format, BigDecimal amount) {}

    /**
     * Amounts already written: a page writes the same few over and over (the buy-in and its multiples, each player's
     * totals), and every render wrote each again through a cloned formatter and two patterns, a seventh of a page's
     * CPU (BENCHMARKS.md, "Pages"). Up to {@link #WRITTEN_MAX} are kept, a megabyte or two; past that a render
     * formats its own, as before.
     */
    private static final Map<Written, String> WRITTEN = new ConcurrentHashMap<>();

    private static final int WRITTEN_MAX = 20_000;
    private static final Map<String, Locale> READERS = new ConcurrentHashMap<>();

    private MoneyText() {}

    /** The locale the first of {@code acceptLanguage}'s languages that Java can format, or en-US. */
    static Locale reader(String acceptLanguage) {
        String header = acceptLanguage == null ? "" : acceptLanguage;
        Locale known = READERS.get(header);
        if (known != null) {
            return known;
        }
        Locale reader = lookUp(header);
        if (READERS.size() < REMEMBERED && header.length() <= 200) {
            READERS.putIfAbsent(header, reader);
        }
        return reader;
    }

    private static Locale lookUp(String acceptLanguage) {
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), FORMATTABLE);
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
        Written written = new Written(new FormatKey(reader, currency, fractionDigits), amount);
        String text = WRITTEN.get(written);
        if (text == null) {
            text = formatted(written.format(), amount);
            if (WRITTEN.size() < WRITTEN_MAX) {
                WRITTEN.putIfAbsent(written, text);
            }
        }
        return text;
    }

    private static String formatted(FormatKey key, BigDecimal amount) {
        NumberFormat known = FORMATS.get(key);
        if (known == null) {
            known = newFormat(key);
            if (FORMATS.size() < REMEMBERED) {
                FORMATS.putIfAbsent(key, known);
            }
        }
        NumberFormat format = (NumberFormat) known.clone();
        // A code for a symbol ("BHD") is kept apart from its digits, as Unicode's currency spacing asks: "BHD 1.250".
        String text = CODE_BEFORE_DIGITS.matcher(format.format(amount)).replaceFirst("$1\u00a0$2");
        return CODE_AFTER_DIGITS.matcher(text).replaceFirst("$1\u00a0$2");
    }

    private static NumberFormat newFormat(FormatKey key) {
        NumberFormat format = NumberFormat.getCurrencyInstance(key.reader());
        format.setCurrency(key.currency());
        format.setMinimumFractionDigits(key.fractionDigits());
        format.setMaximumFractionDigits(key.fractionDigits());
        return format;
    }
}

package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Money;
import bullion.core.TableTerms;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Money in the reader's locale, in the table's currency, to exactly its minor unit, with one minus sign. */
class MoneyTextTest {

    private static final Locale US = Locale.US;
    private static final Locale GERMANY = Locale.GERMANY;
    private static final Locale FRANCE = Locale.FRANCE;

    private static Money money(long minor, String currency) {
        return new Money(minor, Currency.getInstance(currency));
    }

    private static TableTerms terms(long priceMinor, String currency, long chips) {
        return new TableTerms("T", Currency.getInstance(currency), money(priceMinor, currency), chips);
    }

    @Test
    void dollarsReadAsAnAmericanWritesThem() {
        assertThat(MoneyText.of(money(12345650, "USD"), US)).isEqualTo("$123,456.50");
        assertThat(MoneyText.signed(money(1250, "USD"), US)).isEqualTo("+$12.50");
        assertThat(MoneyText.signed(money(0, "USD"), US)).isEqualTo("$0.00");
    }

    @Test
    void eurosReadAsAGermanAndAFrenchReaderWriteThem() {
        assertThat(MoneyText.of(money(12345650, "EUR"), GERMANY)).isEqualTo("123.456,50\u00a0€");
        assertThat(MoneyText.of(money(123450, "EUR"), FRANCE)).isEqualTo("1\u202f234,50\u00a0€");
    }

    @Test
    void everyNegativeAmountHasTheOneMinusSignInEveryLocale() {
        assertThat(MoneyText.of(money(-4000, "USD"), US)).isEqualTo("\u2212$40.00");
        assertThat(MoneyText.signed(money(-4000, "EUR"), GERMANY)).isEqualTo("\u221240,00\u00a0€");
        assertThat(MoneyText.signed(money(-4000, "EUR"), FRANCE)).isEqualTo("\u221240,00\u00a0€");
        assertThat(MoneyText.signed(money(-1286, "JPY"), US))
                .isEqualTo("\u2212¥1,286")
                .doesNotContain("-");
    }

    @Test
    void anAmountWrittenBeforeIsWrittenAgainForEachReaderAndCurrencyAsItsOwn() {
        for (int round = 1; round <= 2; round++) { // the second round reads what the first remembered
            assertThat(MoneyText.of(money(2000, "USD"), US))
                    .as("round %d", round)
                    .isEqualTo("$20.00");
            assertThat(MoneyText.of(money(2000, "USD"), GERMANY)).isEqualTo("20,00\u00a0$");
            assertThat(MoneyText.of(money(2000, "EUR"), GERMANY)).isEqualTo("20,00\u00a0€");
            assertThat(MoneyText.of(money(2000, "JPY"), US)).isEqualTo("¥2,000");
            assertThat(MoneyText.of(money(-2000, "USD"), US)).isEqualTo("\u2212$20.00");
        }
    }

    @Test
    void yenHaveNoMinorUnitAndDinarsHaveThree() {
        assertThat(MoneyText.of(money(1286, "JPY"), US)).isEqualTo("¥1,286");
        assertThat(MoneyText.of(money(1250, "BHD"), US)).isEqualTo("BHD\u00a01.250");
        assertThat(MoneyText.of(money(1250, "BHD"), GERMANY)).isEqualTo("1,250\u00a0BHD");
    }

    @Test
    void aChipsWorthIsNeverShownFinerThanTheMinorUnit() {
        assertThat(MoneyText.chipValue(terms(2000, "USD", 200), US)).isEqualTo("one chip is $0.10");
        assertThat(MoneyText.chipValue(terms(100, "USD", 200), US)).isEqualTo("10 chips are $0.05");
        assertThat(MoneyText.chipValue(terms(2000, "USD", 300), US)).isEqualTo("one chip is about $0.07");
        assertThat(MoneyText.chipValue(terms(1000, "JPY", 300), US)).isEqualTo("one chip is about ¥3");
        assertThat(MoneyText.chipValue(terms(1000, "JPY", 100), US)).isEqualTo("one chip is ¥10");
        assertThat(MoneyText.chipValue(terms(5000, "BHD", 1000), US)).isEqualTo("one chip is BHD\u00a00.005");
        assertThat(MoneyText.chipValue(terms(2000, "EUR", 300), FRANCE)).isEqualTo("one chip is about 0,07\u00a0€");
    }

    @Test
    void theReadersLocaleIsTheFirstLanguageOfAcceptLanguageThatCanBeFormatted() {
        assertThat(MoneyText.reader("de-DE,de;q=0.9,en;q=0.8")).isEqualTo(GERMANY);
        assertThat(MoneyText.reader("fr-FR")).isEqualTo(FRANCE);
        assertThat(MoneyText.reader(null)).isEqualTo(US);
        assertThat(MoneyText.reader("")).isEqualTo(US);
        assertThat(MoneyText.reader("not a language;;q=x")).isEqualTo(US);
    }

    @Test
    void yenAndDinarsReadInEachReadersLocaleKeepTheirOwnMinorUnit() {
        Locale japan = Locale.JAPAN;
        assertThat(MoneyText.reader("ja-JP,ja;q=0.9")).isEqualTo(japan);
        assertThat(MoneyText.of(money(1286, "JPY"), japan)).isEqualTo("￥1,286");
        assertThat(MoneyText.of(money(1286, "JPY"), GERMANY)).isEqualTo("1.286\u00a0¥");
        assertThat(MoneyText.signed(money(-1286, "JPY"), FRANCE)).isEqualTo("\u22121\u202f286\u00a0JPY");
        assertThat(MoneyText.signed(money(1286500, "BHD"), FRANCE)).isEqualTo("+1\u202f286,500\u00a0BHD");
        assertThat(MoneyText.signed(money(-1250, "BHD"), japan)).isEqualTo("\u2212BHD\u00a01.250");
        assertThat(MoneyText.of(money(128650, "USD"), japan)).isEqualTo("$1,286.50");
        assertThat(MoneyText.of(money(128650, "EUR"), US)).isEqualTo("€1,286.50");
    }
}

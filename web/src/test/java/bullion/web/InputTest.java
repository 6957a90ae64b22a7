package bullion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Numbers from clients are plain digits, read with bounded work. */
class InputTest {

    @Test
    void aPlainDecimalIsReadExactly() {
        assertThat(Input.decimal("20")).contains(new BigDecimal("20"));
        assertThat(Input.decimal("12.50")).contains(new BigDecimal("12.50"));
        assertThat(Input.decimal("-0.5")).contains(new BigDecimal("-0.5"));
    }

    @Test
    void anythingButPlainDigitsIsNotADecimal() {
        for (String notPlain :
                new String[] {"", "1e3", " 20", "20 ", "+5", ".5", "5.", "1,000", "12,50", "-", "0x10", "NaN"}) {
            assertThat(Input.decimal(notPlain)).as(notPlain).isEmpty();
        }
    }

    @Test
    void aDecimalHasAtMostTwentyWholeAndTenFractionDigits() {
        assertThat(Input.decimal("9".repeat(20) + "." + "9".repeat(10))).isPresent();
        assertThat(Input.decimal("9".repeat(21))).isEmpty();
        assertThat(Input.decimal("1." + "0".repeat(11))).isEmpty();
    }

    @Test
    void aHugeDecimalIsRefusedByItsLengthAlone() {
        // Checked by length before any pattern or BigDecimal reads it: 5 million digits would cost seconds to parse.
        String huge = "1" + "0".repeat(5_000_000);
        assertThat(Input.decimal(huge)).isEmpty();
        assertThat(Input.wholeNumber(huge)).isEmpty();
    }

    @Test
    void aWholeNumberMayHaveASignAndMustFitInALong() {
        assertThat(Input.wholeNumber("200")).isEqualTo(OptionalLong.of(200));
        assertThat(Input.wholeNumber("+3")).isEqualTo(OptionalLong.of(3));
        assertThat(Input.wholeNumber("-1")).isEqualTo(OptionalLong.of(-1));
        assertThat(Input.wholeNumber(String.valueOf(Long.MAX_VALUE))).isEqualTo(OptionalLong.of(Long.MAX_VALUE));
        assertThat(Input.wholeNumber("9223372036854775808")).isEmpty();
        assertThat(Input.wholeNumber("12345678901234567890123")).isEmpty();
    }

    @Test
    void aWholeNumberIsDigitsOnly() {
        for (String notWhole : new String[] {"", "1.0", "1e3", " 1", "1,000", "+", "--1"}) {
            assertThat(Input.wholeNumber(notWhole)).as(notWhole).isEmpty();
        }
    }

    @Test
    void anEchoedValueIsShortened() {
        assertThat(Input.shortened("twenty", 40)).isEqualTo("twenty");
        assertThat(Input.shortened("1".repeat(1000), 40)).hasSize(40).endsWith("\u2026");
    }
}

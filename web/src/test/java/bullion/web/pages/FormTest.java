package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What a person types into a number field, read kindly but within the same bounds as the API. */
class FormTest {

    @Test
    void aCommaBeforeOneOrTwoDigitsIsADecimalSeparator() {
        assertThat(Form.decimal("12,50")).contains(new BigDecimal("12.50"));
        assertThat(Form.decimal(" 12,5 ")).contains(new BigDecimal("12.5"));
    }

    @Test
    void aCommaThatMayBeAThousandsSeparatorIsRefused() {
        assertThat(Form.decimal("1,000")).isEmpty();
    }

    @Test
    void aSignOrABarePointIsReadAsAPersonMeantIt() {
        assertThat(Form.decimal("+5")).contains(new BigDecimal("5"));
        assertThat(Form.decimal(".5")).contains(new BigDecimal("0.5"));
        assertThat(Form.decimal("5.")).contains(new BigDecimal("5"));
        assertThat(Form.decimal("-.5")).contains(new BigDecimal("-0.5"));
    }

    @Test
    void aSignOrPointAloneIsNotANumber() {
        for (String alone : new String[] {"", " ", "+", "-", ".", "+.", "-.", "+-5"}) {
            assertThat(Form.decimal(alone)).as(alone).isEmpty();
        }
    }

    @Test
    void aFormNumberHasTheApisBounds() {
        assertThat(Form.decimal("1" + "0".repeat(60_000))).isEmpty();
        assertThat(Form.wholeNumber("1" + "0".repeat(60_000))).isEmpty();
        assertThat(Form.wholeNumber(" 340 ")).isEqualTo(OptionalLong.of(340));
    }
}

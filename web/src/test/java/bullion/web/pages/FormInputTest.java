package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What a person types into a number field, read kindly but within the same bounds as the API. */
class FormInputTest {

  @Test
  void aCommaBeforeOneOrTwoDigitsIsADecimalSeparator() {
    assertThat(FormInput.decimal("12,50")).contains(new BigDecimal("12.50"));
    assertThat(FormInput.decimal(" 12,5 ")).contains(new BigDecimal("12.5"));
  }

  @Test
  void aCommaThatMayBeAThousandsSeparatorIsRefused() {
    assertThat(FormInput.decimal("1,000")).isEmpty();
  }

  @Test
  void aSignOrABarePointIsReadAsAPersonMeantIt() {
    assertThat(FormInput.decimal("+5")).contains(new BigDecimal("5"));
    assertThat(FormInput.decimal(".5")).contains(new BigDecimal("0.5"));
    assertThat(FormInput.decimal("5.")).contains(new BigDecimal("5"));
    assertThat(FormInput.decimal("-.5")).contains(new BigDecimal("-0.5"));
  }

  @Test
  void aSignOrPointAloneIsNotANumber() {
    for (String alone : new String[] {"", " ", "+", "-", ".", "+.", "-.", "+-5"}) {
      assertThat(FormInput.decimal(alone)).as(alone).isEmpty();
    }
  }

  @Test
  void aFormNumberHasTheApisBounds() {
    assertThat(FormInput.decimal("1" + "0".repeat(60_000))).isEmpty();
    assertThat(FormInput.wholeNumber("1" + "0".repeat(60_000))).isEmpty();
    assertThat(FormInput.wholeNumber(" 340 ")).isEqualTo(OptionalLong.of(340));
  }
}

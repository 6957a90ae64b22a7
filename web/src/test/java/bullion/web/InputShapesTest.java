package bullion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shapes {@link Input} reads by hand accept exactly what the regular expressions they replaced accepted. */
class InputShapesTest {

    @Test
    void aRequestIdIsOneTo200VisibleAsciiCharacters() {
        Pattern old = Pattern.compile("[\\x21-\\x7E]{1,200}");
        Random random = new Random(14);
        for (int i = 0; i < 20_000; i++) {
            String text = RandomText.of(random, i % 2 == 0 ? 8 : 205, "!~ \u007f\u0020\u0021aZ09-");
            assertThat(Input.visibleAscii(text, 200))
                    .as(text)
                    .isEqualTo(old.matcher(text).matches());
        }
        assertThat(Input.visibleAscii("x".repeat(200), 200)).isTrue();
        assertThat(Input.visibleAscii("x".repeat(201), 200)).isFalse();
    }

    @Test
    void aPathNumberHasOneSpellingAndAtMostTenDigits() {
        Pattern old = Pattern.compile("0|-?[1-9][0-9]{0,9}");
        Random random = new Random(14);
        for (int i = 0; i < 20_000; i++) {
            String text = RandomText.of(random, 12, "-0123456789+ ");
            assertThat(Input.pathIntShape(text))
                    .as(text)
                    .isEqualTo(old.matcher(text).matches());
        }
        for (String text : new String[] {"0", "-0", "00", "01", "-1", "1234567890", "12345678901", "-", ""}) {
            assertThat(Input.pathIntShape(text))
                    .as(text)
                    .isEqualTo(old.matcher(text).matches());
        }
    }
}

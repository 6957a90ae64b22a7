package bullion.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.web.RandomText;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A client's request id is kept exactly when the regular expression the hand-written check replaced kept it. */
class RequestLogIdShapeTest {

    @Test
    void keepsWhatThePatternKept() {
        Pattern old = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
        Random random = new Random(14);
        String alphabet = "azAZ09._:-/ @[`{";
        for (int i = 0; i < 20_000; i++) {
            String text = RandomText.of(random, i % 2 == 0 ? 5 : 66, alphabet);
            assertThat(RequestLogId.sane(text))
                    .as(text)
                    .isEqualTo(old.matcher(text).matches());
        }
    }
}

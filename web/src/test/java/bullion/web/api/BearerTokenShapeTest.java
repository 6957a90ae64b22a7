package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.web.RandomText;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Authorization header read by hand accepts and captures exactly what the regular expression it replaced did. */
class BearerTokenShapeTest {

    private static final Pattern OLD = Pattern.compile("(?i)Bearer +([A-Za-z0-9._~+/-]+=*) *");

    private static String expected(String header) {
        Matcher matcher = OLD.matcher(header);
        return matcher.matches() ? matcher.group(1) : null;
    }

    @Test
    void readsWhatThePatternRead() {
        Random random = new Random(14);
        String[] schemes = {"Bearer", "bearer", "BEARER", "bEaReR", "Bearr", "Basic", "Bearer\t", "Bëarer", ""};
        String alphabet = "aZ09._~+/-= =\t,\"";
        for (int i = 0; i < 30_000; i++) {
            String text = schemes[random.nextInt(schemes.length)]
                    + " ".repeat(random.nextInt(3))
                    + RandomText.of(random, 7, alphabet);
            assertThat(ApiRoutes.bearerTokenIn(text)).as(text).isEqualTo(expected(text));
        }
        for (String text :
                new String[] {"Bearer abc", "Bearer  abc== ", "Bearer", "Bearer ", "Bearer ==", "Bearerabc"}) {
            assertThat(ApiRoutes.bearerTokenIn(text)).as(text).isEqualTo(expected(text));
        }
    }
}

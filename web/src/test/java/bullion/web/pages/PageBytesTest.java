package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A page's bytes are its text in UTF-8, whatever mix of ASCII, other characters and pre-encoded parts made it. */
class PageBytesTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] page(PageBytes out) {
        return Arrays.copyOf(out.array(), out.length());
    }

    @Test
    void valuesOfEveryKindOfCharacterAreWrittenAsTheirUtf8() {
        PageBytes out = new PageBytes(8);
        String[] values = {"Ann", "Zoë", "1 234,50 €", "Void…", "李", "🂡 aces", ""};
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (String value : values) {
            out.writeContent(value);
            expected.writeBytes(utf8(value));
        }
        assertThat(page(out)).isEqualTo(expected.toByteArray());
    }

    @Test
    void aRunOfAValueIsOnlyThatRun() {
        PageBytes out = new PageBytes(8);
        out.writeContent("<b>Zoë & 🂡</b>", 3, 11);
        out.writeContent("abc", 1, 2);
        assertThat(page(out)).isEqualTo(utf8("Zoë & 🂡b"));
    }

    @Test
    void preEncodedPartsAndValuesKeepTheirOrderPastTheFirstArraysRoom() {
        PageBytes out = new PageBytes(64);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            String part = "<li id=\"entry-" + i + "\">";
            String name = i % 3 == 0 ? "Zoë " + i : "Bob " + i;
            out.writeBinaryContent(utf8(part));
            out.writeContent(name);
            expected.append(part).append(name);
        }
        assertThat(out.length()).isGreaterThan(64);
        assertThat(page(out)).isEqualTo(utf8(expected.toString()));
    }
}

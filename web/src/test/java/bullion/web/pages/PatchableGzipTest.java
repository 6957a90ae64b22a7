package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A page gzipped once, each answer's request ids written into the gzip: the gzip of that answer, byte for byte. */
class PatchableGzipTest {

    private static final int LENGTH = FormRequestIds.LENGTH;

    @Test
    void eachAnswerReadsBackAsItsOwnPage() {
        SplittableRandom random = new SplittableRandom(14);
        for (int round = 0; round < 50; round++) {
            Page page = Page.random(random, 1 + random.nextInt(120));
            PatchableGzip gzip = PatchableGzip.of(page.bytes(UUID.randomUUID()), page.ids(), LENGTH)
                    .orElseThrow();
            for (int answer = 0; answer < 3; answer++) {
                byte[] bytes = page.bytes(UUID.randomUUID());
                assertThat(gunzip(gzip.of(bytes))).isEqualTo(bytes);
            }
        }
    }

    @Test
    void textAroundTheIdsThatRepeatsAnAnswersIdDoesNotLeakIntoTheNext() {
        // Were an id's bytes compressed, later text equal to them would be a back-reference into the id, and would
        // read back as the next answer's id instead: the ids are filler in the template, which nothing else matches.
        UUID shown = UUID.randomUUID();
        String text = "<input name=\"requestId\" value=\"";
        StringBuilder page = new StringBuilder();
        List<Integer> ids = new ArrayList<>();
        for (int form = 1; form <= 20; form++) {
            page.append(text);
            ids.add(page.length());
            page.append(shown)
                    .append('-')
                    .append(form)
                    .append("\"> echo ")
                    .append(shown)
                    .append(' ');
        }
        byte[] first = page.toString().getBytes(StandardCharsets.US_ASCII);
        int[] at = ids.stream().mapToInt(Integer::intValue).toArray();
        PatchableGzip gzip = PatchableGzip.of(first, at, LENGTH).orElseThrow();

        byte[] next = first.clone();
        byte[] other = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        for (int id : at) {
            System.arraycopy(other, 0, next, id, LENGTH);
        }

        assertThat(gunzip(gzip.of(first))).isEqualTo(first);
        assertThat(gunzip(gzip.of(next))).isEqualTo(next);
    }

    @Test
    void aPageWithTheFillerByteOutsideItsIdsHasNoTemplate() {
        Page page = Page.random(new SplittableRandom(3), 5);
        byte[] bytes = page.bytes(UUID.randomUUID());
        bytes[page.ids()[2] - 1] = 0x01;

        assertThat(PatchableGzip.of(bytes, page.ids(), LENGTH)).isEmpty();
    }

    @Test
    void idsAtTheVeryStartAndEndAndSideBySideAreWrittenIn() {
        int[] ids = {0, LENGTH, 2 * LENGTH + 10, 3 * LENGTH + 10};
        byte[] bytes = new byte[4 * LENGTH + 10];
        java.util.Arrays.fill(bytes, (byte) 'x');
        PatchableGzip gzip = PatchableGzip.of(withIds(bytes, ids, UUID.randomUUID()), ids, LENGTH)
                .orElseThrow();

        byte[] answer = withIds(bytes, ids, UUID.randomUUID());
        assertThat(gunzip(gzip.of(answer))).isEqualTo(answer);
    }

    @Test
    void aTemplateIsKeptOnlyIfItReadsBackAsThePage() {
        Page page = Page.random(new SplittableRandom(5), 8);
        byte[] bytes = page.bytes(UUID.randomUUID());
        byte[] gzip = Gzip.of(bytes, Gzip.FAST);
        byte[] otherPage = bytes.clone();
        otherPage[0] ^= 1;
        byte[] badChecksum = gzip.clone();
        badChecksum[gzip.length - 8] ^= 1;

        assertThat(PatchableGzip.readsBackAs(gzip, bytes)).isTrue();
        assertThat(PatchableGzip.readsBackAs(gzip, otherPage)).isFalse();
        assertThat(PatchableGzip.readsBackAs(badChecksum, bytes)).isFalse();
        assertThat(PatchableGzip.readsBackAs(java.util.Arrays.copyOf(gzip, gzip.length - 3), bytes))
                .isFalse();
    }

    /** Text of HTML-like pieces, each followed by an id, as a manage page's forms are. */
    private record Page(byte[] template, int[] ids) {

        static Page random(SplittableRandom random, int forms) {
            StringBuilder text = new StringBuilder();
            int[] ids = new int[forms];
            String[] pieces = {
                "<form method=\"post\" action=\"/t/x/buy-ins\">",
                "<td class=\"amount\">$20.00</td>",
                "<button>Cash out</button>",
                "<input type=\"hidden\" name=\"requestId\" value=\"",
                "\u00e9\u2026"
            };
            for (int i = 0; i < forms; i++) {
                for (int n = random.nextInt(6); n >= 0; n--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                ids[i] = text.toString().getBytes(StandardCharsets.UTF_8).length;
                text.append("-".repeat(LENGTH));
            }
            text.append("</body></html>");
            return new Page(text.toString().getBytes(StandardCharsets.UTF_8), ids);
        }

        byte[] bytes(UUID base) {
            return withIds(template, ids, base);
        }
    }

    private static byte[] withIds(byte[] template, int[] ids, UUID base) {
        byte[] bytes = template.clone();
        byte[] id = base.toString().getBytes(StandardCharsets.US_ASCII);
        for (int at : ids) {
            System.arraycopy(id, 0, bytes, at, LENGTH);
        }
        return bytes;
    }

    private static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

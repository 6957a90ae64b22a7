package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Table;
import bullion.engine.TableId;
import bullion.web.VersionSlots;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A table page rendered once per version: the same page a render gives, with new request ids on every answer. */
class RenderedPagesTest {

    private static final String TOKEN = "s3cretManageToken_0123456789";
    private static final String ORIGIN = "https://bullion.example";
    private static final Pattern REQUEST_ID = Pattern.compile("name=\"requestId\" value=\"([0-9a-f-]{36})-(\\d+)\"");

    private final TableId id = TableId.random();
    private final Links links = new Links(ORIGIN, id);
    private final RenderedPages pages = new RenderedPages();

    @Test
    void aViewOnlyPageIsRenderedOncePerVersionAndIsWhatARenderGives() {
        Table night = night(3);

        RenderedPages.Answer first = pages.page(night, RenderedPages.Variant.of("table.jte", links, ""));
        RenderedPages.Answer again = pages.page(night, RenderedPages.Variant.of("table.jte", links, ""));

        assertThat(again.bytes()).isSameAs(first.bytes());
        assertThat(text(first.bytes())).isEqualTo(rendered("table.jte", TablePage.viewOnly(id, night, links)));
        byte[] gzipped = first.gzipped();
        assertThat(again.gzipped()).isSameAs(gzipped); // compressed once, kept
        assertThat(gunzip(gzipped)).isEqualTo(first.bytes());
        assertThat(gzipped.length).isLessThan(first.bytes().length / 3);
    }

    @Test
    void aManagePageReadOftenIsGzippedOnceForTheVersionAndEachAnswerGetsItsOwnIdsInTheGzip() {
        Table night = night(2);
        RenderedPages.Variant manage = RenderedPages.Variant.of("table.jte", links, TOKEN);
        List<RenderedPages.Answer> answers = new ArrayList<>();
        for (int n = 1; n <= RenderedPages.GZIPPED_ONCE_FROM + 2; n++) {
            RenderedPages.Answer answer = pages.page(night, manage);
            byte[] gzipped = answer.gzipped();
            // The first answers of a version are compressed alone: a home game reads its manage page once or twice.
            assertThat(answer.rendered().gzippedOnce()).isEqualTo(n >= RenderedPages.GZIPPED_ONCE_FROM);
            assertThat(gunzip(gzipped)).isEqualTo(answer.bytes());
            assertThat(gzipped.length).isLessThan(answer.bytes().length / 4);
            answers.add(answer);
        }
        Set<String> ids = new HashSet<>();
        for (RenderedPages.Answer answer : answers) {
            ids.addAll(requestIds(text(gunzip(answer.gzipped()))));
        }
        assertThat(ids)
                .hasSize(answers.size()
                        * requestIds(text(answers.get(0).bytes())).size());
    }

    @Test
    void aManagePageGetsNewRequestIdsOnEveryAnswerAndIsOtherwiseTheSame() {
        Table night = night(3);
        RenderedPages.Variant manage = RenderedPages.Variant.of("table.jte", links, TOKEN);

        String first = text(pages.page(night, manage).bytes());
        String second = text(pages.page(night, manage).bytes());
        String third = text(pages.page(night, manage).bytes());

        List<String> ids = requestIds(first);
        assertThat(ids).hasSizeGreaterThan(10); // each player's forms, the add-player form, each entry's void form
        Set<String> all = new HashSet<>();
        for (String page : List.of(first, second, third)) {
            assertThat(requestIds(page)).hasSameSizeAs(ids);
            all.addAll(requestIds(page));
        }
        assertThat(all).hasSize(3 * ids.size()); // no id twice, within a page or across answers
        assertThat(withoutRequestIds(second)).isEqualTo(withoutRequestIds(first));
        assertThat(withoutRequestIds(third)).isEqualTo(withoutRequestIds(first));
        String render = rendered("table.jte", TablePage.manage(id, night, links, TOKEN, RefusedForm.NONE));
        assertThat(withoutRequestIds(third)).isEqualTo(withoutRequestIds(render));
    }

    @Test
    void aNewVersionIsRenderedAgain() {
        Table before = night(3);
        Table after = EventApplier.apply(Optional.of(before), buyIn(before, 2));
        RenderedPages.Variant board = RenderedPages.Variant.of("board.jte", links, "");

        String shownBefore = text(pages.page(before, board).bytes());
        String shownAfter = text(pages.page(after, board).bytes());

        assertThat(shownAfter)
                .isNotEqualTo(shownBefore)
                .contains("id=\"entry-" + after.entries().size() + "\"");
        assertThat(shownBefore).doesNotContain("id=\"entry-" + after.entries().size() + "\"");
        assertThat(shownAfter).isEqualTo(rendered("board.jte", TablePage.viewOnly(id, after, links)));
    }

    @Test
    void twoTablesWhoseHashesMeetAreBothRemembered() {
        RenderedPages meeting =
                new RenderedPages(new VersionSlots<>(RenderedPages.SLOTS, table -> 7)); // same two slots
        RenderedPages.Variant view = RenderedPages.Variant.of("table.jte", links, "");
        Table one = night(2);
        Table two = night(3);
        Table three = night(4);

        byte[] first = meeting.page(one, view).bytes();
        byte[] second = meeting.page(two, view).bytes();

        // With one slot a page, each render put the other out, and both were rendered on every view (issue 14).
        assertThat(meeting.page(one, view).bytes()).isSameAs(first);
        assertThat(meeting.page(two, view).bytes()).isSameAs(second);
        // A third puts out the older of the two.
        byte[] third = meeting.page(three, view).bytes();
        assertThat(meeting.page(two, view).bytes()).isSameAs(second);
        assertThat(meeting.page(three, view).bytes()).isSameAs(third);
        assertThat(meeting.page(one, view).bytes()).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void eachReaderTemplateOriginAndTokenHasAPageOfItsOwn() {
        Table night = night(2);
        Links german = new Links(ORIGIN, id, Locale.GERMANY);
        Links elsewhere = new Links("https://other.example", id);

        String page = text(pages.page(night, RenderedPages.Variant.of("table.jte", links, ""))
                .bytes());
        String inGerman = text(pages.page(night, RenderedPages.Variant.of("table.jte", german, ""))
                .bytes());
        String board = text(pages.page(night, RenderedPages.Variant.of("board.jte", links, ""))
                .bytes());
        String fromElsewhere = text(pages.page(night, RenderedPages.Variant.of("table.jte", elsewhere, ""))
                .bytes());
        String managed = text(pages.page(night, RenderedPages.Variant.of("table.jte", links, TOKEN))
                .bytes());

        assertThat(page).contains("$20.00").doesNotContain(TOKEN).contains(ORIGIN + "/t/" + id.value());
        assertThat(inGerman).contains("20,00").doesNotContain("$20.00");
        assertThat(board).isEqualTo(rendered("board.jte", TablePage.viewOnly(id, night, links)));
        assertThat(fromElsewhere).contains("https://other.example/t/" + id.value());
        assertThat(managed).contains(TOKEN);
    }

    @Test
    void findsEveryPlaceARequestIdsRandomPartIs() {
        String base = "0f8e2c1a-1111-4222-8333-444455556666";
        byte[] page = ("<input value=\"" + base + "-1\"><p>…</p><input value=\"" + base + "-2\">")
                .getBytes(StandardCharsets.UTF_8);

        int[] at = RenderedPages.where(base, page);

        assertThat(at).hasSize(2);
        for (int offset : at) {
            assertThat(new String(page, offset, FormRequestIds.LENGTH, StandardCharsets.UTF_8))
                    .isEqualTo(base);
        }
        assertThat(RenderedPages.where(base, "<p>no forms</p>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    /** A night of {@code players} players, each bought in once. */
    private static Table night(int players) {
        Table table = EventApplier.apply(Optional.empty(), new Event.TableOpened("Friday", "USD", 2000, 100));
        for (int p = 1; p <= players; p++) {
            table = EventApplier.apply(Optional.of(table), new Event.PlayerJoined(p, "Player " + p));
        }
        for (int p = 1; p <= players; p++) {
            table = EventApplier.apply(Optional.of(table), buyIn(table, p));
        }
        return table;
    }

    private static Event buyIn(Table table, int player) {
        return new Event.BoughtIn(table.nextSeq(), Instant.parse("2026-11-30T20:00:00Z"), player, 1);
    }

    private static String rendered(String template, TablePage page) {
        return text(HtmlPages.render(template, page).toByteArray());
    }

    private static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(byte[] page) {
        return new String(page, StandardCharsets.UTF_8);
    }

    private static List<String> requestIds(String page) {
        return REQUEST_ID
                .matcher(page)
                .results()
                .map(m -> m.group(1) + "-" + m.group(2))
                .toList();
    }

    private static String withoutRequestIds(String page) {
        Matcher m = REQUEST_ID.matcher(page);
        return m.replaceAll("name=\"requestId\" value=\"(id)-$2\"");
    }
}

package bullion.web.pages;

import bullion.core.Table;
import bullion.engine.TableId;
import bullion.web.VersionSlots;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A table's page rendered once per version, as the API's JSON is ({@code RenderedTables}): every phone at a table
 * re-fetches its board after each change, and a table answers every view of one version with the same {@link Table}
 * value, so the page is remembered by that value's identity and what else it is made of (the template, the origin its
 * links use, the reader's locale, the manage token). A manage page's forms each carry a request id that must be new on
 * every render (a reload or a double tap then records one change, while two renders never share an id), so its bytes
 * are remembered with where those ids are, and each answer is a copy with a fresh random part written over them: the
 * same page a render would give, for a copy of its bytes and one UUID.
 *
 * <p>Bounded: {@link #SLOTS} pages at most, each in one of two slots by the table version's identity and the variant
 * ({@link VersionSlots}); a long night's manage page is about 100 KB.
 */
final class RenderedPages {

    static final int SLOTS = 512;

    /**
     * From which gzipped answer of one version a manage page is gzipped once for all its answers
     * ({@link PatchableGzip}). Making that gzip costs about four compressions of one answer (it deflates the page in
     * a few hundred pieces), and a home game's manage page is read once or twice a version (the host's phones
     * fetch the board after each change), so it is made only for a version read more often than that: a host who
     * reloads, several hosts, a busy night (issue 14).
     */
    static final int GZIPPED_ONCE_FROM = 4;

    /** Everything but the table a table page is made of. A refused form's page is never remembered. */
    record Variant(String template, TableId id, String origin, Locale reader, String token) {

        static Variant of(String template, Links links, String token) {
            return new Variant(template, links.id(), links.origin(), links.reader(), token);
        }

        boolean manage() {
            return !token.isEmpty();
        }
    }

    /**
     * What to send: a page's bytes, and the page they were answered from, which keeps what gzipping them needs (a
     * view-only page's gzip, a manage page's {@link PatchableGzip}).
     */
    record Answer(byte[] bytes, Rendered rendered) {

        /**
         * The page gzipped: compressed well once per version when every reader gets the same bytes; a manage page,
         * whose request ids differ on every answer, as the gzip compressed once with this answer's ids written in
         * ({@link PatchableGzip}), or compressed fast for this answer alone if its page cannot have one.
         */
        byte[] gzipped() {
            return rendered.variant.manage() ? rendered.gzipped(bytes) : rendered.gzipped();
        }
    }

    /** {@code bytes}, with the request ids' random part at each of {@code requestIds}; gzipped when first asked. */
    static final class Rendered {

        private final Variant variant;
        private final byte[] bytes;
        private final int[] requestIds;
        private volatile byte[] gzipped; // two threads may both compress it once; either result is the same page
        private volatile Optional<PatchableGzip> template; // likewise; null until made
        private final AtomicInteger gzippedAnswers = new AtomicInteger();

        private Rendered(Variant variant, byte[] bytes, int[] requestIds) {
            this.variant = variant;
            this.bytes = bytes;
            this.requestIds = requestIds;
        }

        /** The page as rendered: the first answer's bytes. */
        byte[] bytes() {
            return bytes;
        }

        /** Whether this page's answers are gzipped by writing their ids into one gzip ({@link PatchableGzip}). */
        boolean gzippedOnce() {
            Optional<PatchableGzip> known = template;
            return known != null && known.isPresent();
        }

        /**
         * {@code answer}, this page with its own request ids, gzipped: compressed alone for the first answers of a
         * version, and from the {@link #GZIPPED_ONCE_FROM}th on written into the gzip made once for them all.
         */
        private byte[] gzipped(byte[] answer) {
            Optional<PatchableGzip> known = template;
            if (known == null) {
                if (gzippedAnswers.incrementAndGet() < GZIPPED_ONCE_FROM) {
                    return Gzip.of(answer, Gzip.FAST);
                }
                known = PatchableGzip.of(bytes, requestIds, FormRequestIds.LENGTH);
                template = known;
            }
            return known.isPresent() ? known.get().of(answer) : Gzip.of(answer, Gzip.FAST);
        }

        private byte[] gzipped() {
            byte[] known = gzipped;
            if (known == null) {
                known = Gzip.of(bytes, Gzip.WELL);
                gzipped = known;
            }
            return known;
        }
    }

    private final VersionSlots<Rendered> slots;

    RenderedPages() {
        this(new VersionSlots<>(SLOTS));
    }

    /** With other slots: a test makes two tables meet in the same ones. */
    RenderedPages(VersionSlots<Rendered> slots) {
        this.slots = slots;
    }

    /** The page of {@code table} as {@code variant}, whose bytes the caller may keep but not change. */
    Answer page(Table table, Variant variant) {
        Rendered known = slots.find(table, variant.hashCode(), rendered -> rendered.variant.equals(variant));
        if (known == null) {
            known = render(table, variant);
            slots.put(table, variant.hashCode(), known);
            return new Answer(known.bytes, known);
        }
        return new Answer(known.requestIds.length == 0 ? known.bytes : withNewRequestIds(known), known);
    }

    /** Renders the page; the first answer uses the ids the render drew, every later one new ones. */
    static Rendered render(Table table, Variant variant) {
        Links links = new Links(variant.origin(), variant.id(), variant.reader());
        if (!variant.manage()) {
            PageBytes out = HtmlPages.render(variant.template(), TablePage.viewOnly(variant.id(), table, links));
            return new Rendered(variant, out.toByteArray(), new int[0]);
        }
        FormRequestIds ids = new FormRequestIds();
        TablePage page = TablePage.manage(variant.id(), table, links, variant.token(), RefusedForm.NONE, ids);
        byte[] bytes = HtmlPages.render(variant.template(), page).toByteArray();
        return new Rendered(variant, bytes, where(ids.base(), bytes));
    }

    /**
     * Where {@code base} is in {@code bytes}. It is a random UUID drawn for this render, and a request id is its only
     * way onto the page: no name or reason anyone typed can contain it.
     */
    static int[] where(String base, byte[] bytes) {
        String page = new String(bytes, StandardCharsets.ISO_8859_1); // one char per byte, so indexes are offsets
        return IntStream.iterate(
                        page.indexOf(base), at -> at >= 0, at -> page.indexOf(base, at + FormRequestIds.LENGTH))
                .toArray();
    }

    private static byte[] withNewRequestIds(Rendered known) {
        byte[] bytes = Arrays.copyOf(known.bytes, known.bytes.length);
        byte[] base = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        for (int at : known.requestIds) {
            System.arraycopy(base, 0, bytes, at, FormRequestIds.LENGTH);
        }
        return bytes;
    }
}

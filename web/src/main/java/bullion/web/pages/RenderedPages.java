package bullion.web.pages;

import bullion.core.Table;
import bullion.engine.TableId;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.ToIntFunction;
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
 * <p>Bounded: {@link #SLOTS} slots, and a page may go in either of two chosen by its hash, into one that is free or
 * else over the older page there. With one slot per page, two tables whose hashes met took turns, each render putting
 * the other out: a hundred live tables in 512 slots have about one in six sharing a slot, and the bench's pages spent
 * 27-41 % of the server's CPU rendering again (BENCHMARKS.md, "The pages' slots"); with two, a page is put out only when
 * both its slots hold newer pages. The table is held by a weak reference, so a remembered page never keeps an old
 * table alive, and each slot by a soft one, so the collector can take the pages (tens of kilobytes each, a manage page
 * of a long night about 100) before the heap runs short.
 */
final class RenderedPages {

    static final int SLOTS = 512;

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
     * What to send: a page's bytes, and where every reader of its version gets the very same bytes (a view-only page),
     * the page it was rendered as, which keeps them gzipped too.
     */
    record Answer(byte[] bytes, Optional<Rendered> same) {

        /**
         * The page gzipped: compressed well once per version when every reader gets the same bytes, else compressed
         * fast for this answer alone (a manage page: its request ids differ on every answer).
         */
        byte[] gzipped() {
            return same.map(Rendered::gzipped).orElseGet(() -> Gzip.of(bytes, Gzip.FAST));
        }
    }

    /** {@code bytes}, with the request ids' random part at each of {@code requestIds}; gzipped when first asked. */
    static final class Rendered {

        private final WeakReference<Table> table;
        private final Variant variant;
        private final byte[] bytes;
        private final int[] requestIds;
        /** When it was rendered ({@link System#nanoTime}): of two pages in a new page's way, the older goes. */
        private final long renderedAt = System.nanoTime();

        private volatile byte[] gzipped; // two threads may both compress it once; either result is the same page

        private Rendered(Table table, Variant variant, byte[] bytes, int[] requestIds) {
            this.table = new WeakReference<>(table);
            this.variant = variant;
            this.bytes = bytes;
            this.requestIds = requestIds;
        }

        private boolean isOf(Table table, Variant variant) {
            return this.table.get() == table && this.variant.equals(variant);
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

    private final AtomicReferenceArray<SoftReference<Rendered>> slots = new AtomicReferenceArray<>(SLOTS);
    private final ToIntFunction<Table> identity;

    RenderedPages() {
        this(System::identityHashCode);
    }

    /** With {@code identity} in place of a table's identity hash: a test makes two tables meet in the same slots. */
    RenderedPages(ToIntFunction<Table> identity) {
        this.identity = identity;
    }

    /** The page of {@code table} as {@code variant}, whose bytes the caller may keep but not change. */
    Answer page(Table table, Variant variant) {
        int hash = identity.applyAsInt(table) * 31 + variant.hashCode();
        int first = spread(hash) & (SLOTS - 1);
        int second = spread(hash * 0x9E3779B9 + 0x7F4A7C15) & (SLOTS - 1);
        if (second == first) {
            second = first ^ 1;
        }
        Rendered known = in(first);
        if (known == null || !known.isOf(table, variant)) {
            known = in(second);
        }
        if (known == null || !known.isOf(table, variant)) {
            known = render(table, variant);
            slots.set(older(first, second), new SoftReference<>(known));
            return answer(known, known.bytes);
        }
        return answer(known, known.requestIds.length == 0 ? known.bytes : withNewRequestIds(known));
    }

    private Rendered in(int slot) {
        SoftReference<Rendered> ref = slots.get(slot);
        return ref == null ? null : ref.get();
    }

    /** The slot a new page goes into: an empty one (or one whose page or table the collector took), else the older. */
    private int older(int first, int second) {
        Rendered a = in(first);
        if (a == null || a.table.get() == null) {
            return first;
        }
        Rendered b = in(second);
        if (b == null || b.table.get() == null) {
            return second;
        }
        return a.renderedAt - b.renderedAt <= 0 ? first : second;
    }

    /** The hash's high bits mixed into its low ones, which pick the slot (as {@code HashMap} does). */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private static Answer answer(Rendered rendered, byte[] bytes) {
        return new Answer(bytes, rendered.variant.manage() ? Optional.empty() : Optional.of(rendered));
    }

    /** Renders the page; the first answer uses the ids the render drew, every later one new ones. */
    private static Rendered render(Table table, Variant variant) {
        Links links = new Links(variant.origin(), variant.id(), variant.reader());
        if (!variant.manage()) {
            PageBytes out = HtmlPages.render(variant.template(), TablePage.viewOnly(variant.id(), table, links));
            return new Rendered(table, variant, out.toByteArray(), new int[0]);
        }
        FormRequestIds ids = new FormRequestIds();
        TablePage page = TablePage.manage(variant.id(), table, links, variant.token(), RefusedForm.NONE, ids);
        byte[] bytes = HtmlPages.render(variant.template(), page).toByteArray();
        return new Rendered(table, variant, bytes, where(ids.base(), bytes));
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

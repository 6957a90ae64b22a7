package bullion.web.pages;

import bullion.core.Table;
import bullion.engine.GroupId;
import bullion.engine.Groups;
import bullion.engine.TableId;
import java.util.Locale;

/**
 * A table's full page rendered as its first reader of a version gets it: the view model worked out, the template
 * written to bytes, and, for the manage page, its forms' request ids found (and, gzipped, compressed for that
 * answer). Every later reader of that version gets the remembered bytes instead ({@link RenderedPages}), so this is
 * what a change costs the pages, once per version and variant. Outside the routes only for the bench's JMH benchmark
 * of a page render (issue 14) and the web's warm-up at start; the routes render through {@link RenderedPages} and
 * never call this.
 */
public final class PageRenders {

    private static final String ORIGIN = "http://127.0.0.1:8080";

    private PageRenders() {}

    /** The view-only page (the share link's) of {@code table}, in US English. */
    public static byte[] viewPage(TableId id, Table table) {
        return render(id, table, "").bytes();
    }

    /** The manage page of {@code table} for the holder of {@code token}, in US English. */
    public static byte[] managePage(TableId id, Table table, String token) {
        return manage(id, table, token).bytes();
    }

    /**
     * The manage page as its first reader of a version gets it gzipped: rendered, then compressed for that answer
     * alone (only a version read {@link RenderedPages#GZIPPED_ONCE_FROM} times is gzipped once for all its answers).
     */
    public static byte[] managePageGzipped(TableId id, Table table, String token) {
        RenderedPages.Rendered page = manage(id, table, token);
        return new RenderedPages.Answer(page.bytes(), page).gzipped();
    }

    private static RenderedPages.Rendered manage(TableId id, Table table, String token) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException("a manage page needs its token");
        }
        return render(id, table, token);
    }

    /** The group page of {@code with} (its manage page for the holder of {@code token}, if any), in US English. */
    public static byte[] groupPage(GroupId id, Groups.WithStandings with, String token) {
        return HtmlPages.render("group.jte", GroupPage.of(id, with, token, ORIGIN, Locale.US))
                .toByteArray();
    }

    /** The full page as {@code token}'s holder sees it (none: the view-only page), as the routes render it. */
    private static RenderedPages.Rendered render(TableId id, Table table, String token) {
        return RenderedPages.render(table, new RenderedPages.Variant("table.jte", id, ORIGIN, Locale.US, token));
    }
}

package bullion.web.pages;

import bullion.web.ResponseBody;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * The precompiled templates, rendered to UTF-8 and written straight to the response ({@link ResponseBody}).
 *
 * <p>The templates are compiled with their static text already encoded ({@code binaryStaticContent} in the web
 * module's pom), and rendered into {@link PageBytes}: only the values of a page are encoded per render. Into a
 * {@code StringOutput}, one character outside Latin-1 on a page (the "…" of "Void…") turned the whole page into
 * two bytes per character, and the page was then encoded again; that was about a third of a manage page's CPU (issue
 * 14). The page is written in one piece, so Javalin decides on compression by its whole length, as it did.
 */
final class HtmlPages {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Room for a night's view page (about 30 KB) without growing; a manage page grows it two or three times. */
    private static final int EXPECTED_LENGTH = 32 * 1024;

    /**
     * The header says UTF-8 too: a browser trusts the header's charset before the page's {@code <meta charset>} (the
     * HTML standard's encoding sniffing), and a header without one left the choice to that later step.
     */
    private static final String CONTENT_TYPE = "text/html;charset=utf-8";

    private HtmlPages() {}

    static void write(Context ctx, String template, Object model) throws IOException {
        PageBytes out = render(template, model);
        ctx.contentType(CONTENT_TYPE);
        ResponseBody.write(ctx, out.array(), out.length());
    }

    /**
     * A page rendered before ({@link RenderedPages}), gzipped ({@link Gzip}) for a client that takes gzip: every
     * browser does, and compressing each answer cost more than rendering it (wrk, a 44-entry night, before: the view
     * page at 0.28-0.32 ms of server CPU gzipped, the manage page at 1.1 ms, issue 14).
     */
    static void write(Context ctx, RenderedPages.Answer page) throws IOException {
        ctx.contentType(CONTENT_TYPE);
        ctx.header("Vary", "Accept-Encoding");
        if (Gzip.accepted(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip"); // so Javalin does not compress it again
            ResponseBody.write(ctx, page.gzipped());
        } else {
            ResponseBody.write(ctx, page.bytes());
        }
    }

    static PageBytes render(String template, Object model) {
        PageBytes out = new PageBytes(EXPECTED_LENGTH);
        TEMPLATES.render(template, model, out);
        return out;
    }
}

package bullion.web;

import bullion.core.Table;
import bullion.engine.SampleNight;
import bullion.engine.TableId;
import bullion.engine.WarmUp;
import bullion.web.api.ApiWarmUp;
import bullion.web.pages.PageRenders;

/**
 * The web's answers rendered once for {@link SampleNight} while the server starts, on a thread of its own beside the
 * start: the API's view and ledger, the view page and the manage page. Otherwise a fresh JVM runs that code for the
 * first time (Jackson's introspection of the API's records, the templates, the report) inside the first request to
 * a table, tens of milliseconds of it (BENCHMARKS.md, "A fresh server's first request warmed"). Nothing is served or
 * kept; a failure is logged and never stops the server ({@link WarmUp}).
 */
final class WebWarmUp {

    private WebWarmUp() {}

    /** Starts the warm-up on a daemon thread; the caller does not wait for it. */
    static Thread start() {
        return WarmUp.start("web", WebWarmUp::run);
    }

    /** Renders each answer once; the bytes rendered in all. */
    static int run() {
        Table table = SampleNight.table();
        TableId id = TableId.random();
        return ApiWarmUp.render(id.toString(), table)
                + PageRenders.viewPage(id, table).length
                + PageRenders.managePageGzipped(id, table, "sample-token").length;
    }
}

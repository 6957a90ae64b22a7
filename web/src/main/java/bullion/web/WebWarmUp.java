package bullion.web;

import bullion.core.Table;
import bullion.engine.SampleNight;
import bullion.engine.TableId;
import bullion.web.api.ApiWarmUp;
import bullion.web.pages.PageRenders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web's answers rendered once for {@link SampleNight} while the server starts, on a thread of its own beside the
 * start: the API's view and ledger, the view page and the manage page. Otherwise a fresh JVM runs that code for the
 * first time (Jackson's introspection of the API's records, the templates, the report) inside the first request to
 * a table, tens of milliseconds of it (BENCHMARKS.md, "A fresh server's first request"). Nothing is served or kept;
 * a failure is logged and never stops the server.
 */
final class WebWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WebWarmUp.class);

    private WebWarmUp() {}

    /** Starts the warm-up on a daemon thread; the caller does not wait for it. */
    static Thread start() {
        return Thread.ofPlatform().name("bullion-web-warm-up").daemon().start(() -> {
            long began = System.nanoTime();
            try {
                int bytes = run();
                LOG.debug("Web answers warmed: {} bytes in {} ms", bytes, (System.nanoTime() - began) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("The web's warm-up failed (the server goes on): {}", e.getMessage(), e);
            }
        });
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

package bullion.web.live;

import bullion.engine.TableChanged;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of the feed's Server-Sent Events, each a whole frame (its lines and the blank line that ends it), in the
 * layout Javalin's own SseClient writes. A change is rendered once, by the feed, and the same bytes go to every
 * client of the table: through Javalin's SseClient each client re-encoded the event through a reader and a buffered
 * stream of its own, about 32 KB of garbage per client per change (33 MB per change to 1,000 viewers, BENCHMARKS.md
 * "Live viewers").
 */
final class SseFrames {

    static final byte[] CONNECTED = comment("connected");
    static final byte[] KEEP_ALIVE = comment("keep-alive");

    private SseFrames() {}

    /** The {@code changed} event: data is the table's id and new version as JSON, the event's id its version. */
    static byte[] changed(TableChanged change) {
        return ("id: " + change.version() + "\nevent: changed\ndata: {\"tableId\":\"" + change.tableId()
                        + "\",\"version\":" + change.version() + "}\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A comment: clients ignore it, proxies and phones see the connection in use. */
    static byte[] comment(String text) {
        return (": " + text + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}

package bullion.web.live;

import io.javalin.http.sse.SseClient;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What the feed needs of one connected stream. Javalin's {@link SseClient} is final, so this seam is what lets
 * a test stand in a client that stops reading.
 */
interface FeedClient {

    /** Writes one whole frame ({@link SseFrames}) and flushes it; blocks while the client does not read. */
    void send(byte[] frame);

    boolean terminated();

    void onClose(Runnable callback);

    void close();

    /**
     * A stream on Javalin's {@link SseClient}, whose response frames are written to directly: its own send methods
     * encode every event again for every client. Only the stream's own writer calls {@link #send}, so the writes need
     * no lock. A write that fails closes the stream, as SseClient does.
     */
    static FeedClient of(SseClient sse) {
        HttpServletResponse response = sse.ctx().res();
        return new FeedClient() {
            @Override
            public void send(byte[] frame) {
                if (sse.terminated()) {
                    return;
                }
                try {
                    response.getOutputStream().write(frame);
                    response.flushBuffer();
                } catch (IOException gone) {
                    sse.close();
                }
            }

            @Override
            public boolean terminated() {
                return sse.terminated();
            }

            @Override
            public void onClose(Runnable callback) {
                sse.onClose(callback);
            }

            @Override
            public void close() {
                sse.close();
            }
        };
    }
}

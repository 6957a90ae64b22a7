package bullion.web.live;

import io.javalin.http.sse.SseClient;

/**
 * What the feed needs of one connected stream. Javalin's {@link SseClient} is final, so this seam is what lets
 * a test stand in a client that stops reading.
 */
interface FeedClient {

    void sendComment(String comment);

    void sendEvent(String event, String data, String id);

    boolean terminated();

    void onClose(Runnable callback);

    void close();

    static FeedClient of(SseClient sse) {
        return new FeedClient() {
            @Override
            public void sendComment(String comment) {
                sse.sendComment(comment);
            }

            @Override
            public void sendEvent(String event, String data, String id) {
                sse.sendEvent(event, data, id);
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

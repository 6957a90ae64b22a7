package bullion.web.live;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A stream as the feed sees it, recording what it is sent; it can stop reading or break, as phones do. */
final class FakeClient implements FeedClient {

    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CountDownLatch reading;
    private final boolean broken;
    private final AtomicBoolean terminated = new AtomicBoolean();
    private volatile Runnable onClose = () -> {};

    private FakeClient(CountDownLatch reading, boolean broken) {
        this.reading = reading;
        this.broken = broken;
    }

    static FakeClient reading() {
        return new FakeClient(new CountDownLatch(0), false);
    }

    /** Every write blocks until {@link #resume()}, like a socket whose reader went away. */
    static FakeClient stalled() {
        return new FakeClient(new CountDownLatch(1), false);
    }

    /** Every write fails, like a connection that was reset. */
    static FakeClient broken() {
        return new FakeClient(new CountDownLatch(0), true);
    }

    /** A client that hung up before the feed had finished connecting it. */
    static FakeClient alreadyClosed() {
        FakeClient client = reading();
        client.terminated.set(true);
        return client;
    }

    void resume() {
        reading.countDown();
    }

    /** The next thing written, or "nothing" if nothing comes within a few seconds. */
    String next() throws InterruptedException {
        String item = received.poll(5, TimeUnit.SECONDS);
        return item == null ? "nothing" : item;
    }

    /** The last frame written, as sent: a test can tell whether clients were given the very same bytes. */
    volatile byte[] lastFrame;

    @Override
    public void send(byte[] frame) {
        String text = new String(frame, StandardCharsets.UTF_8);
        if (!text.endsWith("\n\n")) {
            throw new AssertionError("not one whole frame: " + text);
        }
        // Before the item is seen: a test that has taken it reads lastFrame next (set after, it raced: 1 Dec).
        lastFrame = frame;
        write(text.startsWith(": ") ? ":" + text.substring(2, text.length() - 2) : asEvent(text));
    }

    /** "id: 2\nevent: changed\ndata: {...}\n\n" as "changed 2 {...}". */
    private static String asEvent(String frame) {
        Map<String, String> fields = new HashMap<>();
        for (String line : frame.strip().split("\n")) {
            int colon = line.indexOf(": ");
            fields.put(line.substring(0, colon), line.substring(colon + 2));
        }
        return fields.get("event") + " " + fields.get("id") + " " + fields.get("data");
    }

    private void write(String item) {
        try {
            reading.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while blocked on a write", e);
        }
        if (broken) {
            throw new IllegalStateException("connection reset");
        }
        received.add(item);
    }

    @Override
    public boolean terminated() {
        return terminated.get();
    }

    @Override
    public void onClose(Runnable callback) {
        onClose = callback;
    }

    @Override
    public void close() {
        if (!terminated.getAndSet(true)) {
            onClose.run();
        }
    }
}

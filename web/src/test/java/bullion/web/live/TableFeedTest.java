package bullion.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.TableChanged;
import bullion.engine.TableId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The feed hands news to each client's own writer, so one phone that stops reading holds up nobody else. */
@Timeout(10) // a feed that writes on the caller's thread would block the test forever on a stalled client
class TableFeedTest {

    static final TableId TABLE = TableId.parse("AAAAAAAAAAAAAAAAAAAAAA").orElseThrow();

    /** Stands in for the facade: keeps the listener so a test can play the Pekko thread that calls it. */
    static final class FakeSource implements TableFeed.Source {
        final List<String> log = new CopyOnWriteArrayList<>();
        volatile Consumer<TableChanged> listener;

        @Override
        public AutoCloseable subscribe(TableId id, Consumer<TableChanged> newListener) {
            listener = newListener;
            log.add("subscribed");
            return () -> log.add("unsubscribed");
        }

        /** Calls the listener on another thread, as Pekko does; completes when the listener returns. */
        CompletableFuture<Void> change(long version) {
            return CompletableFuture.runAsync(() -> listener.accept(new TableChanged(TABLE.value(), version)));
        }
    }

    final FakeSource source = new FakeSource();
    TableFeed feed;

    @AfterEach
    void closeFeed() {
        if (feed != null) {
            feed.close();
        }
    }

    @Test
    void aClientThatStopsReadingDelaysNeitherTheTableNorAnotherClient() throws Exception {
        feed = new TableFeed(source, Duration.ofHours(1));
        FakeClient stalled = FakeClient.stalled();
        FakeClient reading = FakeClient.reading();
        connect(stalled);
        connect(reading);
        assertThat(reading.next()).isEqualTo(":connected");

        source.change(2).get(2, TimeUnit.SECONDS);

        assertThat(reading.next()).isEqualTo("changed 2 {\"tableId\":\"" + TABLE.value() + "\",\"version\":2}");
        stalled.resume();
    }

    @Test
    void aChangeIsRenderedOnceAndEveryClientIsSentTheSameBytes() throws Exception {
        feed = new TableFeed(source, Duration.ofHours(1));
        FakeClient one = FakeClient.reading();
        FakeClient other = FakeClient.reading();
        connect(one);
        connect(other);
        assertThat(one.next()).isEqualTo(":connected");
        assertThat(other.next()).isEqualTo(":connected");
        await(() -> feed.clientCount(TABLE) == 2);

        source.change(7).get(2, TimeUnit.SECONDS);

        assertThat(one.next()).startsWith("changed 7 ");
        assertThat(other.next()).startsWith("changed 7 ");
        assertThat(one.lastFrame).isSameAs(other.lastFrame);
    }

    @Test
    void aChangeIsTheFrameJavalinsSseClientWrites() {
        // The layout Javalin's SseClient.sendEvent(event, data, id) writes: id, event, data lines, then a blank line.
        assertThat(new String(SseFrames.changed(new TableChanged(TABLE.value(), 12)), StandardCharsets.UTF_8))
                .isEqualTo("id: 12\nevent: changed\ndata: {\"tableId\":\"" + TABLE.value() + "\",\"version\":12}\n\n");
        assertThat(new String(SseFrames.KEEP_ALIVE, StandardCharsets.UTF_8)).isEqualTo(": keep-alive\n\n");
    }

    @Test
    void keepAlivesReachEveryoneElseWhileOneClientIsStalled() throws Exception {
        feed = new TableFeed(source, Duration.ofMillis(20));
        FakeClient stalled = FakeClient.stalled();
        FakeClient reading = FakeClient.reading();
        connect(stalled);
        connect(reading);

        assertThat(reading.next()).isEqualTo(":connected");
        assertThat(reading.next()).isEqualTo(":keep-alive");
        assertThat(reading.next()).isEqualTo(":keep-alive");
        stalled.resume();
    }

    @Test
    void changesWaitingForAStalledClientCollapseIntoTheLatestVersion() throws Exception {
        feed = new TableFeed(source, Duration.ofHours(1));
        FakeClient stalled = FakeClient.stalled();
        connect(stalled);
        await(() -> feed.clientCount(TABLE) == 1);
        for (long version = 2; version <= 5; version++) {
            source.change(version).get(2, TimeUnit.SECONDS);
        }
        source.change(3).get(2, TimeUnit.SECONDS);

        stalled.resume();

        assertThat(stalled.next()).isEqualTo(":connected");
        assertThat(stalled.next()).startsWith("changed 5 ");
        assertThat(stalled.received.poll(200, TimeUnit.MILLISECONDS))
                .as("nothing after the latest")
                .isNull();
    }

    @Test
    void theConnectedCommentIsSentOnlyOnceTheSubscriptionExists() throws Exception {
        feed = new TableFeed(source, Duration.ofHours(1));
        FakeClient client = FakeClient.reading();
        connect(client);
        assertThat(client.next()).isEqualTo(":connected");
        assertThat(source.log).containsExactly("subscribed");
        assertThat(feed.clientCount(TABLE)).isEqualTo(1);
    }

    @Test
    void aClientWhoseWriteFailsIsForgottenAndTheLastOneEndsTheSubscription() throws Exception {
        feed = new TableFeed(source, Duration.ofHours(1));
        connect(FakeClient.broken());
        await(() -> feed.clientCount(TABLE) == 0);
        assertThat(source.log).containsExactly("subscribed", "unsubscribed");
    }

    @Test
    void aClientThatHungUpWhileConnectingIsNotKept() {
        feed = new TableFeed(source, Duration.ofHours(1));
        feed.serve(TABLE, FakeClient.alreadyClosed());
        assertThat(feed.clientCount(TABLE)).isZero();
        assertThat(source.log).containsExactly("subscribed", "unsubscribed");
    }

    @Test
    void aClosedClientIsForgotten() throws Exception {
        feed = new TableFeed(source, Duration.ofHours(1));
        FakeClient client = FakeClient.reading();
        connect(client);
        assertThat(client.next()).isEqualTo(":connected");
        client.close();
        assertThat(feed.clientCount(TABLE)).isZero();
        assertThat(source.log).containsExactly("subscribed", "unsubscribed");
    }

    /** Serves {@code client} on its own virtual thread, as Javalin runs a stream's handler, once it is subscribed. */
    private void connect(FakeClient client) {
        Thread.startVirtualThread(() -> feed.serve(TABLE, client));
        await(() -> !source.log.isEmpty());
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s");
            }
            Thread.onSpinWait();
        }
    }
}

package bullion.web.live;

import bullion.engine.TableChanged;
import bullion.engine.TableId;
import bullion.engine.Tables;
import bullion.web.ClientAddress;
import bullion.web.HttpFailure;
import bullion.web.TableCalls;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events for tables: every connected client of a table gets a {@code changed} event (data: the
 * table's new version as JSON) after each change made on any node, and a keep-alive comment every so often
 * so that proxies and phones keep the connection open. The facade subscription for a table lives while at
 * least one client of that table is connected.
 *
 * <p>A write blocks for as long as a phone does not read, so only the stream's own virtual thread (Javalin runs
 * the SSE handler on one) ever writes to it. The facade's listener (on a Pekko thread) and the keep-alive timer
 * only put news in the client's {@link Slot}, where a newer version replaces an older one and keep-alives collapse
 * into one: a phone that stops reading stalls only itself and holds a few fields, however long it stalls. A change is
 * rendered to its bytes once, on the listener's thread, and every writer sends those same bytes.
 */
public final class TableFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TableFeed.class);

    /** The facade's subscribe, as a seam for tests. */
    interface Source {
        AutoCloseable subscribe(TableId id, Consumer<TableChanged> listener);
    }

    /** What waits to be written to one client. Guarded by itself; the queue only wakes the writer. */
    private static final class Slot {
        final FeedClient client;
        final Thread writer = Thread.currentThread();
        final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
        /** The newest change not yet taken by the writer, rendered once for all clients ({@link SseFrames}). */
        byte[] latestFrame;

        long latestVersion = -1;
        long highestTaken = -1;
        boolean ping;

        Slot(FeedClient client) {
            this.client = client;
        }

        void changed(long version, byte[] frame) {
            synchronized (this) {
                // Changes of one table can come from several nodes; an older version must not overwrite a newer one.
                if (version <= Math.max(highestTaken, latestVersion)) {
                    return;
                }
                latestFrame = frame;
                latestVersion = version;
            }
            wake.offer(true);
        }

        void keepAlive() {
            synchronized (this) {
                ping = true;
            }
            wake.offer(true);
        }

        /** Writes what waits, a change before a keep-alive, until the client is gone. */
        void writeUntilGone() throws InterruptedException {
            client.send(SseFrames.CONNECTED);
            while (!client.terminated()) {
                wake.take();
                if (client.terminated()) {
                    return;
                }
                byte[] change;
                boolean sayAlive;
                synchronized (this) {
                    change = latestFrame;
                    sayAlive = ping;
                    latestFrame = null;
                    ping = false;
                    highestTaken = Math.max(highestTaken, latestVersion);
                }
                if (change != null) {
                    client.send(change);
                }
                if (sayAlive) {
                    client.send(SseFrames.KEEP_ALIVE);
                }
            }
        }
    }

    private final Source source;
    private final int streamsPerClient;
    /** Open streams by {@link ClientAddress}: one client may not hold a connection per table it can name. */
    private final Map<String, Integer> streamsOf = new ConcurrentHashMap<>();

    private final Map<String, Set<Slot>> clients = new ConcurrentHashMap<>();
    private final Map<String, AutoCloseable> subscriptions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sse-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    public TableFeed(Tables tables, Duration keepAliveEvery, int streamsPerClient) {
        this(tables::subscribe, keepAliveEvery, streamsPerClient);
    }

    TableFeed(Source source, Duration keepAliveEvery) {
        this(source, keepAliveEvery, Integer.MAX_VALUE);
    }

    private TableFeed(Source source, Duration keepAliveEvery, int streamsPerClient) {
        this.source = source;
        this.streamsPerClient = streamsPerClient;
        long millis = keepAliveEvery.toMillis();
        keepAlive.scheduleAtFixedRate(
                () -> clients.values().forEach(set -> set.forEach(Slot::keepAlive)),
                millis,
                millis,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Answers with the table's stream (the pages' and the API's). Whether the table exists is asked first, waiting
     * as any handler does: once a stream starts its status is already 200, so an unknown table must be a 404 before.
     */
    public void stream(Context ctx, TableCalls calls, TableId id) {
        String from = ClientAddress.of(ctx);
        if (streamsOf.merge(from, 1, Integer::sum) > streamsPerClient) {
            release(from);
            throw new HttpFailure(
                    429,
                    "This client already has " + streamsPerClient + " live streams open; close one " + "and try again.",
                    Optional.empty(),
                    Optional.empty(),
                    Map.of("Retry-After", "5"));
        }
        try {
            calls.view(id, Optional.empty());
        } catch (RuntimeException notFoundOrBusy) {
            release(from);
            throw notFoundOrBusy;
        }
        new SseHandler(client -> {
                    try {
                        serve(id, FeedClient.of(client));
                    } finally {
                        release(from);
                    }
                })
                .handle(ctx);
    }

    private void release(String client) {
        streamsOf.computeIfPresent(client, (c, count) -> count == 1 ? null : count - 1);
    }

    /** Sends {@code client} the table's changes on the calling thread, returning once the client is gone. */
    void serve(TableId id, FeedClient client) {
        String key = id.value();
        Slot slot = new Slot(client);
        synchronized (this) {
            // Subscribe before the client is counted, so a test (or a page) that waits for the client to be
            // counted and then changes the table is sure to hear of it.
            subscriptions.computeIfAbsent(
                    key,
                    k -> source.subscribe(id, change -> {
                        byte[] frame = SseFrames.changed(change);
                        clients.getOrDefault(key, Set.of()).forEach(s -> s.changed(change.version(), frame));
                    }));
            clients.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(slot);
        }
        client.onClose(() -> {
            disconnect(key, slot);
            slot.wake.offer(true);
        });
        try {
            slot.writeUntilGone();
        } catch (InterruptedException | RuntimeException gone) {
            client.close();
        } finally {
            disconnect(key, slot);
        }
    }

    /** How many clients are connected to a table's feed; tests wait on this before making a change. */
    public int clientCount(TableId id) {
        return clients.getOrDefault(id.value(), Set.of()).size();
    }

    /** How many live streams are open on this node, all tables together (the live-viewers gauge). */
    public int viewerCount() {
        return clients.values().stream().mapToInt(Set::size).sum();
    }

    private synchronized void disconnect(String key, Slot slot) {
        Set<Slot> set = clients.get(key);
        if (set == null || !set.remove(slot) || !set.isEmpty()) {
            return;
        }
        clients.remove(key);
        try {
            subscriptions.remove(key).close();
        } catch (Exception e) {
            LOG.warn("closing a table subscription failed", e);
        }
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
        // The interrupt also ends a writer blocked on a phone that stopped reading.
        clients.values()
                .forEach(set -> set.forEach(slot -> {
                    slot.client.close();
                    slot.writer.interrupt();
                }));
    }
}

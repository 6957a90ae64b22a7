package bullion.web.live;

import bullion.engine.TableChanged;
import bullion.engine.TableId;
import bullion.engine.Tables;
import bullion.web.TableCalls;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
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
 * <p>The facade calls its listener on a Pekko thread, and a write blocks for as long as a phone does not read,
 * so neither the listener nor the keep-alive timer writes: each hands the news to the client's own
 * {@link ClientSender}, which writes on its own virtual thread.
 */
public final class TableFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TableFeed.class);

  /** The facade's subscribe, as a seam for tests. */
  interface Source {
    AutoCloseable subscribe(TableId id, Consumer<TableChanged> listener);
  }

  private final Source source;
  private final Map<String, Set<ClientSender>> clients = new ConcurrentHashMap<>();
  private final Map<String, AutoCloseable> subscriptions = new ConcurrentHashMap<>();
  private final ExecutorService writers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sse-writer-", 0).factory());
  private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "sse-keep-alive");
    thread.setDaemon(true);
    return thread;
  });

  public TableFeed(Tables tables, Duration keepAliveEvery) {
    this(tables::subscribe, keepAliveEvery);
  }

  TableFeed(Source source, Duration keepAliveEvery) {
    this.source = source;
    long millis = keepAliveEvery.toMillis();
    keepAlive.scheduleAtFixedRate(this::pingAll, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Answers with the table's stream (the pages' and the API's). Whether the table exists is asked first, waiting
   * as any handler does: once a stream starts its status is already 200, so an unknown table must be a 404 before.
   * The stream itself stays asynchronous (Javalin's SSE keeps the request open without holding its thread).
   */
  public void stream(Context ctx, TableCalls calls, TableId id) {
    calls.view(id, Optional.empty());
    new SseHandler(client -> connect(id, client)).handle(ctx);
  }

  /** Keeps {@code client} open and sends it the table's changes until it disconnects. */
  public void connect(TableId id, SseClient client) {
    client.keepAlive();
    connect(id, FeedClient.of(client));
  }

  void connect(TableId id, FeedClient client) {
    String key = id.value();
    ClientSender sender = new ClientSender(client, writers, () -> disconnect(key, client));
    synchronized (this) {
      // Subscribe before the client is counted, so a test (or a page) that waits for the client to be
      // counted and then changes the table is sure to hear of it.
      subscriptions.computeIfAbsent(key, k -> source.subscribe(id, change -> broadcast(key, change)));
      sender.connected();
      clients.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(sender);
    }
    client.onClose(() -> disconnect(key, client));
    // It may have closed before onClose was registered, and then nothing else would remove it.
    if (client.terminated()) {
      disconnect(key, client);
    }
  }

  /** How many clients are connected to a table's feed; tests wait on this before making a change. */
  public int clientCount(TableId id) {
    return clients.getOrDefault(id.value(), Set.of()).size();
  }

  // Runs on a Pekko thread: only hands off, never writes.
  private void broadcast(String key, TableChanged change) {
    for (ClientSender sender : clients.getOrDefault(key, Set.of())) {
      sender.changed(change);
    }
  }

  private void pingAll() {
    clients.values().forEach(set -> set.forEach(ClientSender::keepAlive));
  }

  private synchronized void disconnect(String key, FeedClient client) {
    Set<ClientSender> set = clients.get(key);
    if (set == null) {
      return;
    }
    set.removeIf(sender -> sender.client() == client);
    if (set.isEmpty()) {
      clients.remove(key);
      AutoCloseable subscription = subscriptions.remove(key);
      if (subscription != null) {
        try {
          subscription.close();
        } catch (Exception e) {
          LOG.warn("closing a table subscription failed", e);
        }
      }
    }
  }

  @Override
  public void close() {
    keepAlive.shutdownNow();
    clients.values().forEach(set -> set.forEach(sender -> sender.client().close()));
    // Interrupts writers still blocked on clients that stopped reading.
    writers.shutdownNow();
  }
}

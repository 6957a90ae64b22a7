package bullion.web.live;

import bullion.engine.TableChanged;
import bullion.engine.TableId;
import bullion.engine.Tables;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events for tables: every connected client of a table gets a {@code changed} event (data: the
 * table's new version as JSON) after each change made on any node, and a keep-alive comment every so often
 * so that proxies and phones keep the connection open. The facade subscription for a table lives while at
 * least one client of that table is connected.
 */
public final class TableFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TableFeed.class);

  private final Tables tables;
  private final Map<String, Set<SseClient>> clients = new ConcurrentHashMap<>();
  private final Map<String, AutoCloseable> subscriptions = new ConcurrentHashMap<>();
  private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "sse-keep-alive");
    thread.setDaemon(true);
    return thread;
  });

  public TableFeed(Tables tables, Duration keepAliveEvery) {
    this.tables = tables;
    long millis = keepAliveEvery.toMillis();
    keepAlive.scheduleAtFixedRate(this::pingAll, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Keeps {@code client} open and sends it the table's changes until it disconnects. */
  public void connect(TableId id, SseClient client) {
    client.keepAlive();
    String key = id.value();
    client.onClose(() -> disconnect(key, client));
    synchronized (this) {
      clients.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(client);
      subscriptions.computeIfAbsent(key, k -> tables.subscribe(id, this::broadcast));
    }
    send(client, c -> c.sendComment("connected"));
  }

  /** How many clients are connected to a table's feed; tests wait on this before making a change. */
  public int clientCount(TableId id) {
    return clients.getOrDefault(id.value(), Set.of()).size();
  }

  private void broadcast(TableChanged change) {
    String data = "{\"tableId\":\"" + change.tableId() + "\",\"version\":" + change.version() + "}";
    for (SseClient client : clients.getOrDefault(change.tableId(), Set.of())) {
      send(client, c -> c.sendEvent("changed", data, String.valueOf(change.version())));
    }
  }

  private void pingAll() {
    clients.values().forEach(set -> set.forEach(client -> send(client, c -> c.sendComment("keep-alive"))));
  }

  /** Writes to one client at a time: the keep-alive thread and change notifications may race otherwise. */
  private void send(SseClient client, java.util.function.Consumer<SseClient> write) {
    synchronized (client) {
      if (!client.terminated()) {
        write.accept(client);
      }
    }
  }

  private synchronized void disconnect(String key, SseClient client) {
    Set<SseClient> set = clients.get(key);
    if (set == null) {
      return;
    }
    set.remove(client);
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
    clients.values().forEach(set -> set.forEach(SseClient::close));
  }
}

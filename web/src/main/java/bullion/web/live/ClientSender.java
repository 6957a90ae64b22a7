package bullion.web.live;

import bullion.engine.TableChanged;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The one writer of one client. Writes block until the phone reads, so they never happen on the caller's
 * thread (a Pekko thread for changes, the shared timer for keep-alives): a client that stops reading stalls
 * only its own writer. What waits to be written is a slot, not a queue: a newer version replaces an older one
 * (the page re-fetches the whole board, so only the latest matters) and keep-alives collapse into one, so a
 * stalled client holds a few fields, however long it stalls.
 */
final class ClientSender {

  private static final long NONE = -1;

  private final FeedClient client;
  private final Executor writers;
  private final Runnable gone;

  // Guarded by this; "running" means a writer task owns the client, so there is never more than one.
  private boolean greet;
  private TableChanged latest;
  private long highestTaken = NONE;
  private boolean ping;
  private boolean running;

  /** {@code gone} runs once the client is closed or a write to it failed, so the feed can forget it. */
  ClientSender(FeedClient client, Executor writers, Runnable gone) {
    this.client = client;
    this.writers = writers;
    this.gone = gone;
  }

  FeedClient client() {
    return client;
  }

  void connected() {
    synchronized (this) {
      greet = true;
    }
    wake();
  }

  void changed(TableChanged change) {
    synchronized (this) {
      // Changes of one table can come from several nodes; an older version must not overwrite a newer one.
      long highest = Math.max(highestTaken, latest == null ? NONE : latest.version());
      if (change.version() > highest) {
        latest = change;
      }
    }
    wake();
  }

  void keepAlive() {
    synchronized (this) {
      ping = true;
    }
    wake();
  }

  private void wake() {
    synchronized (this) {
      if (running) {
        return;
      }
      running = true;
    }
    try {
      writers.execute(this::drain);
    } catch (RejectedExecutionException feedClosed) {
      synchronized (this) {
        running = false;
      }
    }
  }

  private void drain() {
    while (true) {
      boolean sayConnected;
      TableChanged change;
      boolean sayAlive;
      synchronized (this) {
        if (!greet && latest == null && !ping) {
          running = false;
          return;
        }
        // One thing per write, greeting first: while a write blocks, later changes keep collapsing in the slot.
        sayConnected = greet;
        change = sayConnected ? null : latest;
        sayAlive = !sayConnected && change == null && ping;
        if (sayConnected) {
          greet = false;
        } else if (change != null) {
          latest = null;
          highestTaken = change.version();
        } else {
          ping = false;
        }
      }
      if (!write(sayConnected, change, sayAlive)) {
        // Stays "running" on purpose: nothing more is ever written to a client that is gone.
        gone.run();
        return;
      }
    }
  }

  private boolean write(boolean sayConnected, TableChanged change, boolean sayAlive) {
    try {
      if (client.terminated()) {
        return false;
      }
      if (sayConnected) {
        client.sendComment("connected");
      }
      if (change != null) {
        String data = "{\"tableId\":\"" + change.tableId() + "\",\"version\":" + change.version() + "}";
        client.sendEvent("changed", data, String.valueOf(change.version()));
      }
      if (sayAlive) {
        client.sendComment("keep-alive");
      }
      return !client.terminated();
    } catch (RuntimeException failed) {
      client.close();
      return false;
    }
  }
}

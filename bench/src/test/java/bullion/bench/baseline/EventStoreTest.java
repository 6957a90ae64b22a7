package bullion.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bullion.core.Event;
import bullion.core.Paid;
import bullion.engine.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The baseline's store on SQLite, opened as Bullion opens it ({@link DatabaseSettings#sqliteFile}). */
@Timeout(60)
class EventStoreTest {

    private static final Event OPENED = new Event.TableOpened("Friday", "USD", 2000, 100, Paid.CREDIT);

    @TempDir
    Path dir;

    @Test
    void appendingASeqAnotherWriterTookIsADuplicateKeyTheChangeRetries() throws Exception {
        try (EventStore store = sqlite(2)) {
            store.inTransaction(c -> {
                EventStore.create(c, "t", "hash");
                EventStore.append(c, "t", 1, OPENED);
                return null;
            });
            assertThatThrownBy(() -> store.inTransaction(c -> {
                        EventStore.append(c, "t", 1, OPENED);
                        return null;
                    }))
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(BaselineServer.isDuplicateKey(e)).isTrue());
            // The failed transaction was rolled back and its connection is usable again.
            assertThat(store.read(c -> EventStore.load(c, "t")).orElseThrow().events())
                    .containsExactly(OPENED);
        }
    }

    @Test
    void concurrentWritersOfOneTableQueueInsteadOfColliding() throws Exception {
        try (EventStore store = sqlite(4)) {
            store.inTransaction(c -> {
                EventStore.create(c, "t", "hash");
                EventStore.append(c, "t", 1, OPENED);
                return null;
            });
            int writers = 4;
            int each = 10;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int player = w + 1;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            // Read, then append after what was read, in one transaction: the baseline's change, with
                            // no retry here. On SQLite one transaction writes at a time (EventStore's queue): none
                            // can append after a read another is about to outdate.
                            store.inTransaction(c -> {
                                int seq = EventStore.load(c, "t")
                                                .orElseThrow()
                                                .events()
                                                .size()
                                        + 1;
                                EventStore.append(c, "t", seq, new Event.PlayerJoined(player, "p" + seq));
                                return null;
                            });
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.read(c -> EventStore.load(c, "t")).orElseThrow().events())
                    .hasSize(1 + writers * each);
        }
    }

    private EventStore sqlite(int connections) throws SQLException {
        DatabaseSettings database = DatabaseSettings.sqliteFile(dir);
        return new EventStore(database.url(), database.user(), database.password(), connections);
    }
}

package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.engine.persistence.DatabaseSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live pages subscribe to a table and hear of every change, in order, and nothing of other tables. */
class SubscriptionTest {

    @TempDir
    Path dataDir;

    @Test
    void aSubscriberHearsEveryChangeToItsTableOnly() throws Exception {
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(DatabaseSettings.h2File(dataDir)))) {
            Tables tables = system.tables();
            Tables.Opened watched =
                    Await.result(tables.open(new Command.OpenTable("Watched", "USD", BigDecimal.TEN, 10)));
            Tables.Opened other = Await.result(tables.open(new Command.OpenTable("Other", "USD", BigDecimal.TEN, 10)));
            LinkedBlockingQueue<TableChanged> heard = new LinkedBlockingQueue<>();
            AutoCloseable subscription = tables.subscribe(watched.id(), heard::add);
            try {
                // Subscribing registers before it returns: the very first change afterwards is heard.
                Outcome.Done first =
                        Await.done(tables.addPlayer(watched.id(), watched.manageToken(), "First", Optional.empty()));
                assertThat(heard.poll(5, TimeUnit.SECONDS))
                        .isEqualTo(new TableChanged(
                                watched.id().value(), first.table().version()));
                Await.done(tables.addPlayer(other.id(), other.manageToken(), "Elsewhere", Optional.empty()));
                Outcome.Done done =
                        Await.done(tables.addPlayer(watched.id(), watched.manageToken(), "Last", Optional.empty()));
                TableChanged next = heard.poll(5, TimeUnit.SECONDS);
                assertThat(next)
                        .isEqualTo(new TableChanged(
                                watched.id().value(), done.table().version()));
                assertThat(heard.poll(Duration.ofMillis(300).toMillis(), TimeUnit.MILLISECONDS))
                        .isNull();
            } finally {
                subscription.close();
            }
            // Once closed, the subscription hears nothing more.
            Await.done(tables.addPlayer(watched.id(), watched.manageToken(), "After", Optional.empty()));
            assertThat(heard.poll(1, TimeUnit.SECONDS)).isNull();
        }
    }
}

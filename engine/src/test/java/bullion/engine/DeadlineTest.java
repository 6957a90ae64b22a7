package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bullion.core.Command;
import bullion.core.CommandDecider;
import bullion.core.Player;
import bullion.engine.persistence.DatabaseSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller's timeout means "not recorded": a change whose caller stopped waiting is never recorded afterwards,
 * neither the one that was stuck nor the one queued behind it.
 */
class DeadlineTest {

    @TempDir
    Path dataDir;

    @Test
    void changesWhoseCallersTimedOutBehindAStalledTableAreNeverRecorded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // The core's decide, except that adding "Stall" blocks until the test lets go: a table stuck mid-command.
        Decide stalling = (table, command, now) -> {
            if (command instanceof Command.AddPlayer add && add.name().equals("Stall")) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return CommandDecider.decide(table, command, now);
        };
        EngineSettings settings =
                EngineSettings.singleNode(DatabaseSettings.h2File(dataDir)).withAskTimeout(Duration.ofSeconds(4));
        TableId id;
        String token;
        try (TableSystem system = TableSystem.start(settings, stalling)) {
            Tables tables = system.tables();
            Tables.Opened opened = Await.result(tables.open(new Command.OpenTable("Stuck", "USD", BigDecimal.TEN, 10)));
            id = opened.id();
            token = opened.manageToken();

            CompletableFuture<Outcome> stalled =
                    tables.addPlayer(id, token, "Stall", Optional.of("stall")).toCompletableFuture();
            CompletableFuture<Outcome> queued =
                    tables.addPlayer(id, token, "Queued", Optional.of("queued")).toCompletableFuture();
            assertNotRecorded(stalled);
            assertNotRecorded(queued);
            release.countDown();

            // The table answers in order: once this is done, both earlier changes have been dealt with.
            Outcome.Done after = Await.done(tables.addPlayer(id, token, "After", Optional.empty()));
            assertThat(after.table().players()).extracting(Player::name).containsExactly("After");
            // A retry with the same request id records the change, once.
            Await.done(tables.addPlayer(id, token, "Queued", Optional.of("queued")));
            Outcome.Done again = Await.done(tables.addPlayer(id, token, "Queued", Optional.of("queued")));
            assertThat(again.table().players()).extracting(Player::name).containsExactly("After", "Queued");
        }
        try (TableSystem restarted = TableSystem.start(settings)) {
            Outcome.Done replayed = Await.done(restarted.tables().view(id, Optional.empty()));
            assertThat(replayed.table().players()).extracting(Player::name).containsExactly("After", "Queued");
        }
    }

    private static void assertNotRecorded(CompletableFuture<Outcome> change) {
        assertThatThrownBy(() -> change.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        NotRecorded.class,
                        notRecorded -> assertThat(notRecorded.reason()).isEqualTo(NotRecorded.Reason.TIMED_OUT));
    }
}

package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.engine.persistence.DatabaseSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views of a table running on this node come from what it last showed (LiveTables), not through sharding: never older
 * than a change its caller was told was recorded. That a table that stops is forgotten is in PassivationAndSnapshotTest
 * (idle) and RetentionSweepTest (retired).
 */
class LiveTablesTest {

    @TempDir
    Path dataDir;

    @Test
    void aViewIsNeverOlderThanAChangeItsCallerWasToldOf() throws Exception {
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(DatabaseSettings.h2File(dataDir)))) {
            Tables tables = system.tables();
            Tables.Opened opened = Await.result(tables.open(new Command.OpenTable("Live", "USD", BigDecimal.TEN, 10)));
            for (String name : List.of("Ari", "Bo", "Cy", "Di")) {
                Await.done(tables.addPlayer(opened.id(), opened.manageToken(), name, Optional.empty()));
            }
            assertThat(tables.shownHere(opened.id())).isTrue();

            // Four callers at once, each viewing the table right after each of its changes is acknowledged.
            ExecutorService callers = Executors.newFixedThreadPool(4);
            List<Future<Integer>> views = new ArrayList<>();
            for (int player = 1; player <= 4; player++) {
                int who = player;
                views.add(callers.submit(() -> {
                    int seen = 0;
                    for (int i = 0; i < 50; i++) {
                        Outcome.Done done =
                                Await.done(tables.buyIn(opened.id(), opened.manageToken(), who, 1, Optional.empty()));
                        Outcome.Done view = Await.done(tables.view(opened.id(), Optional.empty()));
                        assertThat(view.table().version())
                                .isGreaterThanOrEqualTo(done.table().version());
                        assertThat(view.table().entries())
                                .containsAll(done.table().entries());
                        seen++;
                    }
                    return seen;
                }));
            }
            for (Future<Integer> view : views) {
                assertThat(view.get()).isEqualTo(50);
            }
            callers.shutdown();
            assertThat(Await.done(tables.view(opened.id(), Optional.empty()))
                            .table()
                            .entries())
                    .hasSize(200);
        }
    }

    @Test
    void aViewFromMemoryChecksTheManageToken() {
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(DatabaseSettings.h2File(dataDir)))) {
            Tables tables = system.tables();
            Tables.Opened opened = Await.result(tables.open(new Command.OpenTable("Live", "USD", BigDecimal.TEN, 10)));
            assertThat(tables.shownHere(opened.id())).isTrue();

            assertThat(Await.done(tables.view(opened.id(), Optional.of(opened.manageToken())))
                            .canManage())
                    .isTrue();
            assertThat(Await.done(tables.view(opened.id(), Optional.of("not-the-token")))
                            .canManage())
                    .isFalse();
            assertThat(Await.done(tables.view(opened.id(), Optional.empty())).canManage())
                    .isFalse();
        }
    }

    @Test
    void aTableThatDoesNotExistIsNotFoundAndNotShown() {
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(DatabaseSettings.h2File(dataDir)))) {
            TableId nobody = TableId.random();
            assertThat(Await.result(system.tables().view(nobody, Optional.empty())))
                    .isInstanceOf(Outcome.NotFound.class);
            assertThat(system.tables().shownHere(nobody)).isFalse();
        }
    }
}

package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.core.Entry;
import bullion.core.Event;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One table handles one command at a time: concurrent callers never lose or double an entry; and many tables write at
 * once without one's write failing on another's (on SQLite, one writer at a time: they queue for its lock).
 */
class ConcurrencyTest {

    private static final int CALLERS = 8;
    private static final int BUY_INS_EACH = 40;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void manyCallersOnOneTableAreAppliedExactlyOnceInOneOrder(EmbeddedFile file) throws Exception {
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(file.in(dataDir)));
                ExecutorService callers = Executors.newFixedThreadPool(CALLERS)) {
            Tables tables = system.tables();
            Tables.Opened opened = Await.result(tables.open(new Command.OpenTable("Busy", "USD", BigDecimal.TEN, 10)));
            for (int p = 1; p <= CALLERS; p++) {
                Await.done(tables.addPlayer(opened.id(), opened.manageToken(), "P" + p, Optional.empty()));
            }
            List<CompletableFuture<List<Integer>>> perCaller = new ArrayList<>();
            for (int p = 1; p <= CALLERS; p++) {
                int player = p;
                perCaller.add(CompletableFuture.supplyAsync(
                        () -> {
                            List<Integer> seqs = new ArrayList<>();
                            for (int i = 0; i < BUY_INS_EACH; i++) {
                                Outcome.Done done = Await.done(
                                        tables.buyIn(opened.id(), opened.manageToken(), player, 1, Optional.empty()));
                                seqs.add(((Event.BoughtIn) done.events().getFirst()).seq());
                            }
                            return seqs;
                        },
                        callers));
            }
            List<Integer> allSeqs = new ArrayList<>();
            for (CompletableFuture<List<Integer>> caller : perCaller) {
                List<Integer> seqs = Await.result(caller);
                assertThat(seqs).isSorted();
                allSeqs.addAll(seqs);
            }
            int total = CALLERS * BUY_INS_EACH;
            assertThat(allSeqs).hasSize(total).doesNotHaveDuplicates().allMatch(s -> s >= 1 && s <= total);
            Outcome.Done view = Await.done(tables.view(opened.id(), Optional.empty()));
            assertThat(view.table().entries())
                    .extracting(Entry::seq)
                    .hasSize(total)
                    .isSorted();
            assertThat(view.table().chipsBought()).isEqualTo(total * 10L);
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void manyTablesAtOnceKeepTheirOwnTotals(EmbeddedFile file) {
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(file.in(dataDir)))) {
            Tables tables = system.tables();
            List<Tables.Opened> opened = new ArrayList<>();
            for (int t = 0; t < 20; t++) {
                Tables.Opened o = Await.result(tables.open(new Command.OpenTable("T" + t, "USD", BigDecimal.TEN, 10)));
                Await.done(tables.addPlayer(o.id(), o.manageToken(), "Ari", Optional.empty()));
                opened.add(o);
            }
            List<CompletableFuture<Outcome>> all = new ArrayList<>();
            for (int round = 1; round <= 10; round++) {
                for (int t = 0; t < opened.size(); t++) {
                    Tables.Opened o = opened.get(t);
                    all.add(tables.buyIn(o.id(), o.manageToken(), 1, t + 1, Optional.empty())
                            .toCompletableFuture());
                }
            }
            all.forEach(f -> assertThat(Await.result(f)).isInstanceOf(Outcome.Done.class));
            for (int t = 0; t < opened.size(); t++) {
                Outcome.Done view = Await.done(tables.view(opened.get(t).id(), Optional.empty()));
                assertThat(view.table().entries()).hasSize(10);
                assertThat(view.table().chipsBought()).isEqualTo(10L * (t + 1) * 10);
            }
        }
    }
}

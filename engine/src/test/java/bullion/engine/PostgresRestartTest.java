package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.core.Entry;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The same journal on PostgreSQL: a full stop and a new actor system, and the table still knows everything. */
class PostgresRestartTest {

    @Test
    void aTableAnswersItsFirstCommandAfterARestartOnPostgres() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create("bullion_engine")) {
            EngineSettings settings =
                    EngineSettings.singleNode(database.settings()).withSnapshotEvery(3);
            TableId id;
            String token;
            try (TableSystem first = TableSystem.start(settings)) {
                Tables tables = first.tables();
                Tables.Opened opened =
                        Await.result(tables.open(new Command.OpenTable("Pg", "EUR", new BigDecimal("5.00"), 50)));
                id = opened.id();
                token = opened.manageToken();
                Await.done(tables.addPlayer(id, token, "Ari", Optional.empty()));
                Await.done(tables.addPlayer(id, token, "Bea", Optional.empty()));
                Await.done(tables.buyIn(id, token, 1, 1, Optional.empty()));
                Await.done(tables.buyIn(id, token, 2, 1, Optional.empty()));
                Await.done(tables.cashOut(id, token, 1, 70, Optional.of("req-cash")));
            }
            try (TableSystem second = TableSystem.start(settings)) {
                Tables tables = second.tables();
                Outcome.Done done = Await.done(tables.cashOut(id, token, 2, 30, Optional.empty()));
                assertThat(done.table().entries()).extracting(Entry::seq).containsExactly(1, 2, 3, 4);
                assertThat(done.table().chipsOnTable()).isZero();
                // The retried request id survived the restart too.
                Outcome.Done retry = Await.done(tables.cashOut(id, token, 1, 70, Optional.of("req-cash")));
                assertThat(retry.table().entries()).hasSize(4);
            }
        }
    }
}

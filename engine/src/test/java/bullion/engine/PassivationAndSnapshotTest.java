package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.engine.entity.TableEntity;
import bullion.engine.persistence.DatabaseSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Idle tables stop and come back on the next request; long tables are snapshotted so they recover fast. */
class PassivationAndSnapshotTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void anIdleTableStopsAndComesBackWithItsHistory(EmbeddedFile file) {
        EngineSettings settings = EngineSettings.singleNode(file.in(dataDir)).withPassivateAfter(Duration.ofSeconds(1));
        try (TableSystem system = TableSystem.start(settings)) {
            Tables tables = system.tables();
            Tables.Opened opened = Await.result(tables.open(new Command.OpenTable("Idle", "USD", BigDecimal.TEN, 10)));
            Await.done(tables.addPlayer(opened.id(), opened.manageToken(), "Ari", Optional.empty()));
            assertThat(runningTables(system)).contains(opened.id().value());
            assertThat(tables.shownHere(opened.id())).isTrue();

            TestProbe<Object> waiter = TestProbe.create(system.actorSystem());
            waiter.awaitAssert(Duration.ofSeconds(15), Duration.ofMillis(200), () -> {
                assertThat(runningTables(system)).doesNotContain(opened.id().value());
                return null;
            });

            // A stopped table has forgotten what it showed (LiveTables): its next view goes through sharding,
            // which starts it again from its journal.
            assertThat(tables.shownHere(opened.id())).isFalse();
            Outcome.Done viewed = Await.done(tables.view(opened.id(), Optional.empty()));
            assertThat(viewed.table().players()).hasSize(1);
            assertThat(runningTables(system)).contains(opened.id().value());
            assertThat(tables.shownHere(opened.id())).isTrue();

            Outcome.Done back = Await.done(tables.buyIn(opened.id(), opened.manageToken(), 1, 1, Optional.empty()));
            assertThat(back.table().players()).hasSize(1);
            assertThat(runningTables(system)).contains(opened.id().value());
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void aLongTableIsSnapshottedAndRecoversToTheSameState(EmbeddedFile file) throws Exception {
        DatabaseSettings db = file.in(dataDir);
        EngineSettings settings = EngineSettings.singleNode(db).withSnapshotEvery(5);
        Tables.Opened opened;
        Outcome.Done last;
        try (TableSystem system = TableSystem.start(settings)) {
            Tables tables = system.tables();
            opened = Await.result(tables.open(new Command.OpenTable("Long", "USD", BigDecimal.TEN, 10)));
            Await.done(tables.addPlayer(opened.id(), opened.manageToken(), "Ari", Optional.empty()));
            for (int i = 0; i < 12; i++) {
                Await.done(tables.buyIn(opened.id(), opened.manageToken(), 1, 1, Optional.empty()));
            }
            last = Await.done(tables.view(opened.id(), Optional.empty()));
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                    Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM \"snapshot\" WHERE \"persistence_id\" = '"
                            + TableEntity.TYPE_KEY.name() + "|" + opened.id().value() + "'")) {
                rows.next();
                assertThat(rows.getInt(1)).as("snapshots kept").isPositive();
            }
        }
        Outcome.Done after;
        try (TableSystem system = TableSystem.start(settings)) {
            Outcome.Done recovered = Await.done(system.tables().view(opened.id(), Optional.empty()));
            assertThat(recovered.table()).isEqualTo(last.table());
            // The next change is journaled after the recovered highest sequence number (IndexedJournalDao): a wrong
            // one would collide with a stored event or leave a gap. It is the 15th event, so a snapshot is its last.
            after = Await.done(system.tables().buyIn(opened.id(), opened.manageToken(), 1, 1, Optional.empty()));
            assertThat(after.table().version()).isEqualTo(last.table().version() + 1);
        }
        try (TableSystem system = TableSystem.start(settings)) {
            Outcome.Done recovered = Await.done(system.tables().view(opened.id(), Optional.empty()));
            assertThat(recovered.table()).isEqualTo(after.table());
            Outcome.Done next =
                    Await.done(system.tables().buyIn(opened.id(), opened.manageToken(), 1, 1, Optional.empty()));
            assertThat(next.table().version()).isEqualTo(after.table().version() + 1);
        }
    }

    private static Set<String> runningTables(TableSystem system) {
        TestProbe<ShardRegion.CurrentShardRegionState> probe = TestProbe.create(system.actorSystem());
        ClusterSharding.get(system.actorSystem())
                .shardState()
                .tell(new GetShardRegionState(TableEntity.TYPE_KEY, probe.ref()));
        ShardRegion.CurrentShardRegionState state = probe.receiveMessage(Duration.ofSeconds(5));
        return state.getShards().stream()
                .flatMap(shard -> shard.getEntityIds().stream())
                .collect(java.util.stream.Collectors.toSet());
    }
}

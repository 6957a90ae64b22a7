package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.engine.entity.TableEntity;
import bullion.engine.persistence.DatabaseSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of one cluster over one journal: any table answers on either node (sharding routes the message to
 * wherever it lives, crossing the wire as JSON), and a change made through one node reaches a listener on the
 * other.
 */
class TwoNodeClusterTest {

    @TempDir
    Path dataDir;

    @Test
    void eitherNodeServesEveryTableAndLiveNoticesCrossNodes() throws Exception {
        int portA = freePort();
        int portB = freePort();
        List<String> seeds = List.of("pekko://bullion@127.0.0.1:" + portA);
        DatabaseSettings db = DatabaseSettings.h2File(dataDir);
        try (TableSystem a = TableSystem.start(EngineSettings.singleNode(db).withCluster("127.0.0.1", portA, seeds));
                TableSystem b =
                        TableSystem.start(EngineSettings.singleNode(db).withCluster("127.0.0.1", portB, seeds))) {
            List<Tables.Opened> opened = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                opened.add(Await.result(a.tables().open(new Command.OpenTable("T" + i, "USD", BigDecimal.TEN, 10))));
            }
            for (Tables.Opened table : opened) {
                Await.done(b.tables().addPlayer(table.id(), table.manageToken(), "Ari", Optional.empty()));
                Outcome.Done seenFromA = Await.done(a.tables().view(table.id(), Optional.of(table.manageToken())));
                assertThat(seenFromA.table().players()).hasSize(1);
                assertThat(seenFromA.canManage()).isTrue();
            }

            // Sharding spread the tables over both nodes, so the requests above crossed the wire both ways.
            assertThat(runningTables(a)).isNotEmpty();
            assertThat(runningTables(b)).isNotEmpty();

            Tables.Opened watched = opened.getFirst();
            LinkedBlockingQueue<TableChanged> heardOnB = new LinkedBlockingQueue<>();
            try (AutoCloseable subscription = b.tables().subscribe(watched.id(), heardOnB::add)) {
                // Topics on two nodes find each other through the receptionist's gossip: keep changing until heard.
                TableChanged heard = null;
                for (int i = 0; heard == null && i < 30; i++) {
                    Await.done(a.tables().buyIn(watched.id(), watched.manageToken(), 1, 1, Optional.empty()));
                    heard = heardOnB.poll(500, TimeUnit.MILLISECONDS);
                }
                assertThat(heard)
                        .as("a change made through node A heard on node B")
                        .isNotNull();
                assertThat(heard.tableId()).isEqualTo(watched.id().value());
            }
        }
    }

    private static Set<String> runningTables(TableSystem node) {
        TestProbe<ShardRegion.CurrentShardRegionState> probe = TestProbe.create(node.actorSystem());
        ClusterSharding.get(node.actorSystem())
                .shardState()
                .tell(new GetShardRegionState(TableEntity.TYPE_KEY, probe.ref()));
        return probe.receiveMessage(Duration.ofSeconds(5)).getShards().stream()
                .flatMap(shard -> shard.getEntityIds().stream())
                .collect(Collectors.toSet());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package bullion.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.app.cluster.TableLoad.Figures;
import bullion.app.cluster.TableLoad.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart of all three nodes under load (issue 13): each node in turn gets SIGTERM, stops by itself, and
 * starts again on the same ports; not one request fails (no 503, no other error, no answer lost) and every
 * acknowledged change is recorded. The client skips a node whose connection is refused, as a load balancer does.
 */
@Disabled(
        "not passing yet: on a quiet two-core machine every acknowledged change was recorded and none lost, but 414 of"
                + " 4,535 requests were answered 503, stops took 11-13 s and one node was downed during the roll (docs/deploy.md)")
class RollingRestartIT {

    @Test
    void aRollingRestartOfAllThreeNodesFailsNoRequest() throws Exception {
        try (ThreeNodes cluster = ThreeNodes.start()) {
            RoundRobinClient client = new RoundRobinClient(cluster.baseUrls());
            List<Table> tables = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                tables.add(TableLoad.open(client, "Night " + i));
            }
            Map<Table, Figures> figures;
            List<String> restarts = new ArrayList<>();
            long from;
            long end;
            try (TableLoad load = new TableLoad(client)) {
                tables.forEach(table -> load.start(table, 4));
                ClusterFailoverIT.awaitHomesKnown(cluster, tables);
                TimeUnit.SECONDS.sleep(2);
                from = System.nanoTime();
                for (BullionNode node : cluster.nodes) {
                    Duration stopped = node.stop(Duration.ofSeconds(40));
                    long restarting = System.nanoTime();
                    node.start();
                    node.awaitRunning(Duration.ofSeconds(90));
                    restarts.add(String.format(
                            "%s stopped %d ms after SIGTERM, served again %d ms after starting",
                            node.name,
                            stopped.toMillis(),
                            Duration.ofNanos(System.nanoTime() - restarting).toMillis()));
                    TimeUnit.SECONDS.sleep(3); // it joins, and takes tables, under load
                }
                end = System.nanoTime();
                figures = load.figures();
            }

            restarts.forEach(System.out::println);
            int acked = 0;
            int failed = 0;
            Duration worst = Duration.ZERO;
            for (Table table : tables) {
                Figures seen = figures.get(table);
                long recorded = TableLoad.buyInsRecorded(client, table);
                Duration gap = seen.longestGap(from, end);
                worst = gap.compareTo(worst) > 0 ? gap : worst;
                System.out.printf(
                        "%-24s longest wait %6d ms, acked %5d, 503s %d, other failures %d, unresolved %d,"
                                + " recorded %d%n",
                        table.id(),
                        gap.toMillis(),
                        seen.ackedSeqs.size(),
                        seen.unavailable.get(),
                        seen.otherAnswers.size(),
                        seen.unresolved.get(),
                        recorded);
                acked += seen.ackedSeqs.size();
                failed += seen.unavailable.get() + seen.otherAnswers.size() + seen.unresolved.get();
                assertThat(recorded)
                        .as("%s: recorded exactly the acknowledged buy-ins", table.id())
                        .isEqualTo(seen.ackedSeqs.size());
            }
            System.out.printf(
                    "rolling restart: %d buy-ins acknowledged, %d failed, %d sent again to another node after"
                            + " a connection failed, longest wait of any table %d ms%n",
                    acked, failed, client.connectionRetries.get(), worst.toMillis());
            assertThat(failed)
                    .as("requests that failed (503, another error, or no answer)")
                    .isZero();
        }
    }
}

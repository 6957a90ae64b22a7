package bullion.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.app.cluster.TableLoad.Figures;
import bullion.app.cluster.TableLoad.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of one of three nodes under load through all three (issue 13): nothing acknowledged is lost, the dead
 * node's tables take changes again, and tables that lived elsewhere barely notice. Prints the measured unavailability
 * of every table (the longest time it acknowledged nothing, from the kill on), the 503s and the acknowledged changes.
 *
 * <p>The goals are 10 s for the dead node's tables and 1 s for the others. The dead node's tables are held to the goal
 * (quiet two-core runs: 6.5-7.6 s). The others are held to 1.5 s: what they measure is mostly the gap between two of
 * their own buy-ins (4 a second) while three JVMs and this load share two cores (quiet runs: 0.31-0.61 s), and a
 * scheduling hiccup there must not fail a build; the figure is printed beside the 1 s goal.
 * {@code -Dbullion.failover.moved-bound-ms} and {@code -Dbullion.failover.elsewhere-bound-ms} set the bounds.
 */
class ClusterFailoverIT {

    private static final Duration MOVED_BOUND =
            Duration.ofMillis(Long.getLong("bullion.failover.moved-bound-ms", 10_000));
    private static final Duration ELSEWHERE_BOUND =
            Duration.ofMillis(Long.getLong("bullion.failover.elsewhere-bound-ms", 1_500));

    @Test
    void killingTheNodeOfABusyTableLosesNothingAndItsTablesMove() throws Exception {
        try (ThreeNodes cluster = ThreeNodes.start();
                RoundRobinClient client = new RoundRobinClient(cluster.baseUrls())) {
            long serving = System.nanoTime();
            List<Table> tables = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tables.add(TableLoad.open(client, "Night " + i));
                if (i == 0) {
                    System.out.printf(
                            "the first table opened %d ms after all three nodes served HTTP%n",
                            (System.nanoTime() - serving) / 1_000_000);
                }
            }
            Table busy = tables.getFirst();
            long killedAt;
            long end;
            String victimName;
            List<Table> onVictim = new ArrayList<>();
            Map<Table, Figures> figures;
            try (TableLoad load = new TableLoad(client)) {
                load.start(busy, 20);
                tables.stream().skip(1).forEach(table -> load.start(table, 4));
                awaitHomesKnown(cluster, tables);
                TimeUnit.SECONDS.sleep(3); // a steady load before the kill

                victimName = cluster.homes.get(busy.id());
                BullionNode victim = cluster.nodes.stream()
                        .filter(node -> node.name.equals(victimName))
                        .findFirst()
                        .orElseThrow();
                tables.stream()
                        .filter(table -> victimName.equals(cluster.homes.get(table.id())))
                        .forEach(onVictim::add);
                killedAt = System.nanoTime();
                System.out.printf("t=%6d ms kill -9 of %s%n", client.millisSinceStart(), victimName);
                victim.kill();
                TimeUnit.SECONDS.sleep(20); // the load goes on through the two survivors
                end = System.nanoTime();
                figures = load.figures();
            }

            System.out.printf(
                    "kill -9 of %s (home of the busy table %s) under load through all three nodes%n",
                    victimName, busy.id());
            System.out.printf(
                    "%-24s %-9s %12s %7s %5s %10s %8s %9s%n",
                    "table", "lived on", "unavailable", "acked", "503s", "unresolved", "not sent", "recorded");
            int acked = 0;
            int unavailable = 0;
            List<String> others = new ArrayList<>();
            List<String> wrongCounts = new ArrayList<>();
            Duration worstMoved = Duration.ZERO;
            Duration worstElsewhere = Duration.ZERO;
            for (Table table : tables) {
                Figures seen = figures.get(table);
                long recorded = TableLoad.buyInsRecorded(client, table);
                Duration gap = seen.longestGap(killedAt, end);
                boolean moved = onVictim.contains(table);
                System.out.printf(
                        "%-24s %-9s %9d ms %7d %5d %10d %8d %9d%n",
                        table.id(),
                        moved ? victimName : "elsewhere",
                        gap.toMillis(),
                        seen.ackedSeqs.size(),
                        seen.unavailable.get(),
                        seen.unresolved.get(),
                        seen.notSent.get(),
                        recorded);
                acked += seen.ackedSeqs.size();
                unavailable += seen.unavailable.get();
                if (moved) {
                    worstMoved = max(worstMoved, gap);
                } else {
                    worstElsewhere = max(worstElsewhere, gap);
                }
                others.addAll(seen.otherAnswers);
                if (recorded < seen.ackedSeqs.size() || recorded > seen.ackedSeqs.size() + seen.unresolved.get()) {
                    wrongCounts.add(table.id() + ": acked " + seen.ackedSeqs.size() + ", unresolved "
                            + seen.unresolved.get() + ", recorded " + recorded);
                }
            }
            System.out.println("readiness as the client saw it:");
            client.readinessChanges.forEach(line -> System.out.println("  " + line));
            tables.stream()
                    .flatMap(table -> figures.get(table).unavailableAnswers.stream())
                    .sorted()
                    .forEach(line -> System.out.println("503: " + line));
            System.out.printf(
                    "acknowledged %d buy-ins; %d answers 503 (each sent again with its key); %d requests sent again to"
                            + " another node after a refused connection, %d after a connection broke before an"
                            + " answer%n",
                    acked, unavailable, client.connectionRetries.get(), client.brokenRetries.get());
            System.out.printf(
                    "worst unavailability: %d ms for the %d tables that moved (goal 10000 ms, asserted %d ms), %d ms for"
                            + " the %d that lived elsewhere (goal 1000 ms, asserted %d ms)%n",
                    worstMoved.toMillis(),
                    onVictim.size(),
                    MOVED_BOUND.toMillis(),
                    worstElsewhere.toMillis(),
                    tables.size() - onVictim.size(),
                    ELSEWHERE_BOUND.toMillis());

            assertThat(others).as("answers other than 201 and 503").isEmpty();
            assertThat(wrongCounts)
                    .as("every acknowledged buy-in is recorded, and no more than those whose outcome stayed unknown")
                    .isEmpty();
            assertThat(onVictim).as("the busy table lived on the killed node").contains(busy);
            assertThat(worstMoved)
                    .as("every table of the dead node takes changes again")
                    .isLessThan(MOVED_BOUND);
            assertThat(worstElsewhere)
                    .as("tables on the surviving nodes barely notice")
                    .isLessThan(ELSEWHERE_BOUND);
        }
    }

    /** Until a change of every table has been audited by the node that runs it (bounded). */
    static void awaitHomesKnown(ThreeNodes cluster, List<Table> tables) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!tables.stream().allMatch(table -> cluster.homes.containsKey(table.id()))) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("not every table took a change within 60 s");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

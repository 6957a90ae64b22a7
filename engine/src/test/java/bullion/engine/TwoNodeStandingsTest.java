package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.standings.StandingsProjection;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two nodes over one PostgreSQL: the standings' projection runs once in the cluster (a sharded daemon process of one
 * instance), so however the nights are played through both nodes, each tagged event is handled once and both nodes
 * read the same standings, equal to a fold over the journal. When the node that runs it leaves, the other takes it
 * over from the stored offset.
 */
class TwoNodeStandingsTest {

    @Test
    void twoNodesOverOnePostgresCountEachEventOnce() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create("standings")) {
            int portA = freePort();
            int portB = freePort();
            List<String> seeds = List.of("pekko://bullion@127.0.0.1:" + portA);
            long handledBefore = StandingsProjection.handledEvents();
            try (TableSystem a = TableSystem.start(
                            EngineSettings.singleNode(database.settings()).withCluster("127.0.0.1", portA, seeds));
                    TableSystem b = TableSystem.start(
                            EngineSettings.singleNode(database.settings()).withCluster("127.0.0.1", portB, seeds))) {
                Groups.Created group = new GroupNights(a).group("Two nodes");
                for (int i = 0; i < 6; i++) {
                    GroupNights through = new GroupNights(i % 2 == 0 ? a : b);
                    long chips = (2 + i % 3) * 10L;
                    through.closedNight(
                            group,
                            "Night " + i,
                            List.of(
                                    new GroupNights.Seat("Ann", 1 + i % 3, 7 + i),
                                    new GroupNights.Seat("Bob", 1, chips - 7 - i)));
                }
                assertThat(JournalFold.millisUntilProjected(b, group.id(), 30_000))
                        .isNotNegative();
                assertThat(JournalFold.projected(a, group.id()))
                        .isEqualTo(JournalFold.projected(b, group.id()))
                        .isEqualTo(JournalFold.standings(a, group.id()));
                assertThat(JournalFold.projected(a, group.id()).nights()).hasSize(6);
                long tagged = taggedEvents(database);
                System.out.printf(
                        "two nodes: %d tagged events journaled, %d handled by the projection%n",
                        tagged, StandingsProjection.handledEvents() - handledBefore);
                assertThat(StandingsProjection.handledEvents() - handledBefore).isEqualTo(tagged);
            }
        }
    }

    private static long taggedEvents(PostgresDatabase database) throws Exception {
        var settings = database.settings();
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM event_tag WHERE tag = 'group-table'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

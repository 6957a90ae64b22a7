package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.core.group.Standings;
import bullion.engine.persistence.DatabaseSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A group's standings come from the read side: closed nights of its tables only, the table's nets, members matched
 * by name, renames and merges applied to every night; the same numbers as a straight fold over the journal, after a
 * rebuild and after a restart; on each embedded file.
 */
class GroupStandingsTest {

    @TempDir
    Path dataDir;

    private static final long WAIT_MS = 15_000;

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void twoNightsMakeStandingsThatFollowRenamesAndMerges(EmbeddedFile file) throws Exception {
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(file.in(dataDir)))) {
            GroupNights nights = new GroupNights(system);
            Groups.Created group = nights.group("Thursday crew");
            nights.closedNight(
                    group, "Week 1", List.of(new GroupNights.Seat("Ann", 2, 35), new GroupNights.Seat("Bob", 2, 5)));
            nights.closedNight(
                    group,
                    "Week 2",
                    List.of(
                            new GroupNights.Seat("ann", 1, 0),
                            new GroupNights.Seat("Cara", 1, 12),
                            new GroupNights.Seat("Bob", 1, 18)));
            assertThat(JournalFold.millisUntilProjected(system, group.id(), WAIT_MS))
                    .isNotNegative();
            assertThat(JournalFold.projected(system, group.id())).isEqualTo(JournalFold.standings(system, group.id()));

            Standings standings = JournalFold.projected(system, group.id());
            assertThat(standings.nights()).hasSize(2);
            Standings.MemberStanding ann = member(standings, "Ann");
            assertThat(ann.nights()).isEqualTo(2);
            assertThat(ann.netMinor()).isEqualTo(1500 - 1000);
            assertThat(ann.biggestWinMinor()).contains(1500L);
            assertThat(ann.biggestLossMinor()).contains(-1000L);
            assertThat(ann.averageMinor()).isEqualTo(250);
            Standings.MemberStanding bob = member(standings, "Bob");
            assertThat(bob.netMinor()).isEqualTo(-1500 + 800);
            assertThat(member(standings, "Cara").netMinor()).isEqualTo(200);
            assertThat(standings.members().stream()
                            .mapToLong(Standings.MemberStanding::netMinor)
                            .sum())
                    .as("every night's nets add up to zero")
                    .isZero();

            int cara = member(standings, "Cara").memberId().orElseThrow();
            int annId = ann.memberId().orElseThrow();
            nights.rename(group, bob.memberId().orElseThrow(), "Robert");
            nights.merge(group, cara, annId);
            Standings after = JournalFold.projected(system, group.id());
            assertThat(member(after, "Robert").netMinor()).isEqualTo(-700);
            assertThat(member(after, "Robert").nights()).isEqualTo(2);
            assertThat(member(after, "Ann").netMinor()).isEqualTo(500 + 200);
            assertThat(after.members())
                    .extracting(Standings.MemberStanding::name)
                    .containsExactlyInAnyOrder("Ann", "Robert");
            // A player called "Cara" at a later table is Ann now, as the merge said.
            assertThat(after.nights().get(1).nets())
                    .extracting(Standings.MemberNet::name)
                    .containsExactlyInAnyOrder("Ann", "Robert");
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void onlyClosedTablesOfTheGroupCountAndAReopenedTableLeavesUntilItClosesAgain(EmbeddedFile file) throws Exception {
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(file.in(dataDir)))) {
            GroupNights nights = new GroupNights(system);
            Groups.Created group = nights.group("Crew");
            TableId closed = nights.closedNight(
                    group, "Closed", List.of(new GroupNights.Seat("Ann", 1, 15), new GroupNights.Seat("Bob", 1, 5)));
            nights.openedNight(
                    group, "Open", List.of(new GroupNights.Seat("Ann", 1, 0), new GroupNights.Seat("Bob", 1, 0)));
            Tables.Opened alone =
                    Await.result(system.tables().open(new Command.OpenTable("Alone", "USD", BigDecimal.TEN, 10)));
            Await.done(system.tables().close(alone.id(), alone.manageToken(), Optional.empty()));
            assertThat(JournalFold.millisUntilProjected(system, group.id(), WAIT_MS))
                    .isNotNegative();
            assertThat(JournalFold.projected(system, group.id())).isEqualTo(JournalFold.standings(system, group.id()));
            assertThat(JournalFold.projected(system, group.id()).nights())
                    .extracting(Standings.NightStanding::tableId)
                    .containsExactly(closed.value());

            Await.done(system.tables().reopen(closed, group.manageToken(), Optional.empty()));
            awaitNights(system, group, 0);
            Await.done(system.tables().close(closed, group.manageToken(), Optional.empty()));
            awaitNights(system, group, 1);
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void aRebuildFromScratchGivesIdenticalStandings(EmbeddedFile file) throws Exception {
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(file.in(dataDir)))) {
            GroupNights nights = new GroupNights(system);
            Groups.Created group = nights.group("Crew");
            for (int i = 0; i < 3; i++) {
                nights.closedNight(
                        group,
                        "Night " + i,
                        List.of(
                                new GroupNights.Seat("Ann", 1 + i, 10 * (1 + i) + 3),
                                new GroupNights.Seat("Bob", 1, 7)));
            }
            assertThat(JournalFold.millisUntilProjected(system, group.id(), WAIT_MS))
                    .isNotNegative();
            assertThat(JournalFold.projected(system, group.id())).isEqualTo(JournalFold.standings(system, group.id()));
            Standings before = JournalFold.projected(system, group.id());

            system.groups().rebuildStandings(Duration.ofSeconds(20));
            assertThat(JournalFold.millisUntilProjected(system, group.id(), WAIT_MS))
                    .isNotNegative();
            assertThat(JournalFold.projected(system, group.id())).isEqualTo(JournalFold.standings(system, group.id()));
            assertThat(JournalFold.projected(system, group.id())).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void stoppingMidStreamAndRestartingGivesIdenticalStandings(EmbeddedFile file) throws Exception {
        DatabaseSettings db = file.in(dataDir);
        GroupId groupId;
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(db))) {
            GroupNights nights = new GroupNights(system);
            Groups.Created group = nights.group("Crew");
            groupId = group.id();
            for (int i = 0; i < 4; i++) {
                nights.closedNight(
                        group,
                        "Night " + i,
                        List.of(new GroupNights.Seat("Ann", 2, 13 + i), new GroupNights.Seat("Bob", 1, 17 - i)));
            }
            // Stopped right after the last close was acknowledged: the projection is still working through them.
        }
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(db))) {
            assertThat(JournalFold.millisUntilProjected(system, groupId, WAIT_MS))
                    .isNotNegative();
            assertThat(JournalFold.projected(system, groupId)).isEqualTo(JournalFold.standings(system, groupId));
            assertThat(JournalFold.projected(system, groupId).nights()).hasSize(4);
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void theReadSideLagsTheJournalByUnderASecond(EmbeddedFile file) throws Exception {
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(file.in(dataDir)))) {
            GroupNights nights = new GroupNights(system);
            Groups.Created group = nights.group("Crew");
            nights.closedNight(group, "Warm-up", List.of(new GroupNights.Seat("Ann", 1, 10)));
            JournalFold.millisUntilProjected(system, group.id(), WAIT_MS);
            long[] lags = new long[10];
            for (int i = 0; i < lags.length; i++) {
                TableId table = nights.openedNight(
                        group,
                        "Night " + i,
                        List.of(new GroupNights.Seat("Ann", 1, 14), new GroupNights.Seat("Bob", 1, 6)));
                long closedAt = System.nanoTime();
                Await.done(system.tables().close(table, group.manageToken(), Optional.empty()));
                int expected = i + 2;
                while (JournalFold.projected(system, group.id()).nights().size() < expected) {
                    if (System.nanoTime() - closedAt
                            > Duration.ofMillis(WAIT_MS).toNanos()) {
                        throw new AssertionError("night " + i + " never reached the standings");
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(
                            Duration.ofMillis(5).toNanos());
                }
                lags[i] = Duration.ofNanos(System.nanoTime() - closedAt).toMillis();
            }
            long[] sorted = lags.clone();
            java.util.Arrays.sort(sorted);
            System.out.printf(
                    "standings lag after a close (ms, 10 closes): median %d, max %d, all %s%n",
                    sorted[sorted.length / 2], sorted[sorted.length - 1], java.util.Arrays.toString(lags));
            assertThat(sorted[sorted.length / 2]).as("median lag in ms").isLessThan(1_000);
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void tablesClosedAllAtOnceAreEachCountedOnce(EmbeddedFile file) throws Exception {
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(file.in(dataDir)))) {
            GroupNights nights = new GroupNights(system);
            Groups.Created group = nights.group("Crew");
            List<TableId> tables = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tables.add(nights.openedNight(
                        group,
                        "Night " + i,
                        List.of(new GroupNights.Seat("Ann", 1, 4 + i), new GroupNights.Seat("Bob", 1, 16 - i))));
            }
            // Closed without waiting for each other, so the journal can write several tagged events in one batch: each
            // needs its own row id back to be tagged (and so projected) as itself.
            List<java.util.concurrent.CompletableFuture<Outcome>> closing = tables.stream()
                    .map(table -> system.tables()
                            .close(table, group.manageToken(), Optional.empty())
                            .toCompletableFuture())
                    .toList();
            closing.forEach(close -> assertThat(Await.result(close)).isInstanceOf(Outcome.Done.class));
            assertThat(JournalFold.millisUntilProjected(system, group.id(), WAIT_MS))
                    .isNotNegative();
            Standings standings = JournalFold.projected(system, group.id());
            assertThat(standings).isEqualTo(JournalFold.standings(system, group.id()));
            assertThat(standings.nights())
                    .extracting(Standings.NightStanding::tableId)
                    .containsExactlyInAnyOrderElementsOf(
                            tables.stream().map(TableId::value).toList());
        }
    }

    private static void awaitNights(TableSystem system, Groups.Created group, int count) {
        long deadline = System.nanoTime() + Duration.ofMillis(WAIT_MS).toNanos();
        while (JournalFold.projected(system, group.id()).nights().size() != count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the standings never had " + count + " nights");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(
                    Duration.ofMillis(20).toNanos());
        }
    }

    private static Standings.MemberStanding member(Standings standings, String name) {
        return standings.members().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + standings.members()));
    }
}

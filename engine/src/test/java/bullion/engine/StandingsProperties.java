package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.core.group.Standings;
import bullion.engine.persistence.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The read side is a fold: for random nights of a group (players whose names differ in case, buy-ins, cash-outs,
 * tables left open, closed, reopened and closed again, payments marked), the projected standings equal the core's
 * standings of a straight replay of every table's journal. One engine for all tries; each try a new group.
 */
class StandingsProperties {

    private static Path dataDir;
    private static TableSystem system;

    @BeforeContainer
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("bullion-standings-");
        system = TableSystem.start(EngineSettings.singleNode(DatabaseSettings.h2File(dataDir)));
    }

    @AfterContainer
    static void stop() {
        system.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table of the group: who sits, their buy-ins, how the chips come back, and what happens at the end. */
    record Plan(List<String> names, List<Integer> buyIns, List<Integer> weights, Ending ending) {}

    enum Ending {
        LEFT_OPEN,
        CLOSED,
        CLOSED_AND_PAID,
        REOPENED,
        REOPENED_AND_CLOSED_AGAIN
    }

    @Property(tries = 8)
    void theProjectedStandingsAreAFoldOverTheJournal(@ForAll("nights") List<Plan> nights) throws Exception {
        GroupNights play = new GroupNights(system);
        Groups.Created group = play.group("Property crew");
        for (int t = 0; t < nights.size(); t++) {
            playOut(group, "Night " + t, nights.get(t));
        }
        long millis = JournalFold.millisUntilProjected(system, group.id(), 20_000);
        Standings expected = JournalFold.standings(system, group.id());
        assertThat(JournalFold.projected(system, group.id()))
                .as("after %d ms", millis)
                .isEqualTo(expected);
        long closed = nights.stream()
                .filter(p -> p.ending() != Ending.LEFT_OPEN && p.ending() != Ending.REOPENED)
                .count();
        assertThat(expected.nights()).hasSize((int) closed);
        assertThat(expected.members().stream()
                        .mapToLong(Standings.MemberStanding::netMinor)
                        .sum())
                .isZero();
    }

    @Provide
    Arbitrary<List<Plan>> nights() {
        Arbitrary<List<String>> names = Arbitraries.of(
                        "Ann", "ann", "ANN", "Bob", "bob", "Cara", "Dan", "Éve", "E\u0301ve")
                .list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(StandingsProperties::distinctByTheTablesRule);
        Arbitrary<Plan> plan = names.flatMap(seated -> Combinators.combine(
                        Arbitraries.integers().between(1, 3).list().ofSize(seated.size()),
                        Arbitraries.integers().between(0, 4).list().ofSize(seated.size()),
                        Arbitraries.of(Ending.class))
                .as((buyIns, weights, ending) -> new Plan(seated, buyIns, weights, ending)));
        return plan.list().ofMinSize(1).ofMaxSize(3);
    }

    /** A table refuses a second "ann" beside "Ann" (NFC, case-folded), so each table seats one of each. */
    private static List<String> distinctByTheTablesRule(List<String> names) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String name : names) {
            seen.putIfAbsent(
                    java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)
                            .toLowerCase(Locale.ROOT),
                    name);
        }
        return List.copyOf(seen.values());
    }

    private static void playOut(Groups.Created group, String name, Plan plan) {
        int total = plan.buyIns().stream().mapToInt(Integer::intValue).sum() * 10;
        int weightSum = plan.weights().stream().mapToInt(Integer::intValue).sum();
        List<GroupNights.Seat> seats = new ArrayList<>();
        int given = 0;
        for (int i = 0; i < plan.names().size(); i++) {
            int chips;
            if (i == plan.names().size() - 1) {
                chips = total - given;
            } else {
                chips = weightSum == 0 ? 0 : total * plan.weights().get(i) / weightSum;
            }
            given += chips;
            seats.add(new GroupNights.Seat(plan.names().get(i), plan.buyIns().get(i), chips));
        }
        GroupNights play = new GroupNights(system);
        TableId table = play.openedNight(group, name, seats);
        String token = group.manageToken();
        Tables tables = system.tables();
        if (plan.ending() == Ending.LEFT_OPEN) {
            return;
        }
        Outcome.Done closed = Await.done(tables.close(table, token, Optional.empty()));
        switch (plan.ending()) {
            case CLOSED_AND_PAID -> {
                int payments = closed.table().closing().orElseThrow().payments().size();
                for (int n = 1; n <= payments; n++) {
                    Await.done(tables.change(table, token, new Command.MarkPaid(n), Optional.empty()));
                }
            }
            case REOPENED -> Await.done(tables.reopen(table, token, Optional.empty()));
            case REOPENED_AND_CLOSED_AGAIN -> {
                Await.done(tables.reopen(table, token, Optional.empty()));
                Await.done(tables.close(table, token, Optional.empty()));
            }
            default -> {}
        }
    }
}

package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import bullion.core.Command;
import bullion.core.Entry;
import bullion.core.Money;
import bullion.core.Table;
import bullion.core.TableStatus;
import bullion.core.group.Standings;
import bullion.engine.persistence.DatabaseSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal is forever: the SQLite file the first Bullion with SQLite wrote (see {@code golden-sqlite/README.md}),
 * found as the data directory's embedded database, replays its tables exactly (events and snapshots), its group's
 * standings are read back as they were stored, and it takes new changes that survive a restart. Whatever the embedded
 * settings, the schema or the serializers become, the files users have must pass this.
 */
class GoldenSqliteFileTest {

    private static final GroupId GROUP = new GroupId("jIS0sZMYGo4khQ65ZS_imw");
    private static final String GROUP_TOKEN = "DMP_eZ9LNU2ODaB-7wksZZh_BQQL-rJCN9ET2kGJAfo";
    private static final TableId SATURDAY =
            TableId.parse("dyZ44J7o5GdjdYtcknLBcQ").orElseThrow();
    private static final TableId SUNDAY =
            TableId.parse("Wyjx8JonDJtHPweW1b96Pw").orElseThrow();
    private static final String SUNDAY_TOKEN = "5FB8VyBfzMqox7DQeQSOJNVhLG2Z2TnASNoBQ04elbU";
    private static final Instant CLOSED_AT = Instant.parse("2026-11-30T23:14:01.758380950Z");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant PAID_AT = Instant.parse("2026-11-30T23:14:01.774590577Z");

    @TempDir
    Path dataDir;

    @Test
    void theFileReplaysItsTablesAndStandingsExactlyAndTakesNewChanges() throws Exception {
        try (InputStream golden = getClass().getResourceAsStream("/golden-sqlite/bullion.db")) {
            Files.copy(golden, dataDir.resolve("bullion.db"));
        }
        DatabaseSettings database = DatabaseSettings.embedded(dataDir);
        assertThat(database.kind()).isEqualTo(DatabaseSettings.Kind.SQLITE);
        EngineSettings settings = EngineSettings.singleNode(database);
        try (TableSystem system = TableSystem.start(settings)) {
            Outcome.Done saturday = firstView(system, SATURDAY, GROUP_TOKEN);
            assertThat(saturday.canManage())
                    .as("the group's token manages its table")
                    .isTrue();
            Table night = saturday.table();
            assertThat(night.settings().name()).isEqualTo("Golden Saturday");
            assertThat(night.players()).extracting(p -> p.name()).containsExactly("Ann", "Bob", "Cat");
            assertThat(night.entries()).extracting(Entry::seq).containsExactly(1, 2, 3, 4, 5);
            assertThat(night.chipsBought()).isEqualTo(40);
            assertThat(night.chipsOnTable()).isZero();
            assertThat(night.status()).isEqualTo(TableStatus.CLOSED);
            assertThat(night.closing().orElseThrow().at()).isEqualTo(CLOSED_AT);
            assertThat(night.closing().orElseThrow().payments())
                    .extracting(p -> p.amount(), p -> p.paidAt())
                    .containsExactly(
                            tuple(new Money(1000, USD), Optional.of(PAID_AT)),
                            tuple(new Money(500, USD), Optional.empty()));

            Table sunday = firstView(system, SUNDAY, SUNDAY_TOKEN).table();
            assertThat(sunday.settings().name()).isEqualTo("Golden Sunday");
            assertThat(sunday.players()).extracting(p -> p.name()).containsExactly("Dee", "Eve");
            assertThat(sunday.entries()).extracting(Entry::seq).containsExactly(1, 2, 3, 4, 5, 6, 7);
            assertThat(sunday.chipsBought()).isEqualTo(300);
            assertThat(sunday.chipsOnTable()).isEqualTo(230);
            assertThat(sunday.status()).isEqualTo(TableStatus.OPEN);

            // The stored read side, before anything new is projected: the night as the projection wrote it.
            assertThat(JournalFold.projected(system, GROUP)).isEqualTo(goldenStandings(false));
            assertThat(JournalFold.standings(system, GROUP)).isEqualTo(goldenStandings(false));

            Outcome.Done more = Await.done(system.tables().buyIn(SUNDAY, SUNDAY_TOKEN, 2, 1, Optional.empty()));
            assertThat(more.table().entries()).hasSize(8);
            Outcome.Done settled = Await.done(
                    system.tables().change(SATURDAY, GROUP_TOKEN, new Command.MarkPaid(2), Optional.empty()));
            assertThat(settled.table().status()).isEqualTo(TableStatus.SETTLED);
            assertThat(JournalFold.millisUntilProjected(system, GROUP, 30_000)).isNotNegative();
            assertThat(JournalFold.projected(system, GROUP).nights().getFirst().settled())
                    .isTrue();
        }
        try (TableSystem again = TableSystem.start(settings)) {
            assertThat(firstView(again, SUNDAY, SUNDAY_TOKEN).table().entries())
                    .extracting(Entry::seq)
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(firstView(again, SATURDAY, GROUP_TOKEN).table().status()).isEqualTo(TableStatus.SETTLED);
            assertThat(JournalFold.millisUntilProjected(again, GROUP, 30_000)).isNotNegative();
            assertThat(JournalFold.projected(again, GROUP)).isEqualTo(goldenStandings(true));
        }
    }

    /** The golden group's standings: one night, Ann up $15, Bob down $5, Cat down $10. */
    private static Standings goldenStandings(boolean settled) {
        return new Standings(
                List.of(member(1, "Ann", 1500), member(2, "Bob", -500), member(3, "Cat", -1000)),
                List.of(new Standings.NightStanding(
                        SATURDAY.value(),
                        "Golden Saturday",
                        CLOSED_AT,
                        settled,
                        List.of(
                                new Standings.MemberNet(Optional.of(1), "Ann", 1500),
                                new Standings.MemberNet(Optional.of(2), "Bob", -500),
                                new Standings.MemberNet(Optional.of(3), "Cat", -1000)))));
    }

    private static Standings.MemberStanding member(int id, String name, long net) {
        return new Standings.MemberStanding(
                Optional.of(id),
                name,
                1,
                net,
                net > 0 ? Optional.of(net) : Optional.empty(),
                net < 0 ? Optional.of(net) : Optional.empty(),
                net,
                Optional.of(CLOSED_AT));
    }

    /** As in {@link GoldenH2FileTest}: the first answer after a start, asked again while a cold recovery times out. */
    private static Outcome.Done firstView(TableSystem system, TableId table, String token) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                return Await.done(system.tables().view(table, Optional.of(token)));
            } catch (AssertionError e) {
                if (System.nanoTime() > giveUp) {
                    throw e;
                }
            }
        }
    }
}

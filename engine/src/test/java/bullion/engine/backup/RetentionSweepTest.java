package bullion.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.BuyInSize;
import bullion.core.Command;
import bullion.core.CommandDecider;
import bullion.core.MissingChips;
import bullion.core.Paid;
import bullion.engine.EmbeddedFile;
import bullion.engine.EngineSettings;
import bullion.engine.Outcome;
import bullion.engine.PostgresDatabase;
import bullion.engine.TableId;
import bullion.engine.TableSystem;
import bullion.engine.Tables;
import bullion.engine.persistence.DatabaseSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retention deletes a closed table unchanged for longer than it keeps tables, events and snapshots, and nothing else:
 * not a closed table changed since the cutoff, not an open one however old, not one with a recent journal write. The
 * tables' clocks are moved by a decide function that shifts "now", so one run holds tables of different ages.
 */
class RetentionSweepTest {

    private static final Duration KEEP = Duration.ofDays(30);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void onAnEmbeddedFileOnlyOldClosedTablesAreDeleted(EmbeddedFile file) throws SQLException {
        sweepDeletesOnlyOldClosedTables(file.in(dir));
    }

    @Test
    void onPostgresOnlyOldClosedTablesAreDeleted() throws SQLException {
        try (PostgresDatabase database = PostgresDatabase.create("bullion_retention")) {
            sweepDeletesOnlyOldClosedTables(database.settings());
        }
    }

    private void sweepDeletesOnlyOldClosedTables(DatabaseSettings database) throws SQLException {
        AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);
        EngineSettings settings = EngineSettings.singleNode(database).withSnapshotEvery(3);
        try (TableSystem system = TableSystem.start(
                settings, (table, command, now) -> CommandDecider.decide(table, command, now.plus(shift.get())))) {
            Tables tables = system.tables();
            shift.set(Duration.ofDays(-100));
            Tables.Opened oldClosed = night(tables, true);
            Tables.Opened oldOpen = night(tables, false);
            shift.set(Duration.ofDays(20));
            Tables.Opened closedLater = night(tables, true);
            shift.set(Duration.ZERO);
            assertThat(rows(database, oldClosed.id()))
                    .as("events and snapshots")
                    .isGreaterThan(8);

            RetentionSweep today = RetentionSweep.of(system, database, KEEP, settings.askTimeout(), Clock.systemUTC());
            assertThat(today.sweep())
                    .as("every table was written to the journal just now")
                    .isEmpty();

            Clock in40Days = Clock.offset(Clock.systemUTC(), Duration.ofDays(40));
            List<RetentionSweep.Deleted> deleted = RetentionSweep.of(
                            system, database, KEEP, settings.askTimeout(), in40Days)
                    .sweep();

            assertThat(deleted).extracting(RetentionSweep.Deleted::id).containsExactly(oldClosed.id());
            assertThat(deleted.getFirst().lastChange()).isBefore(Instant.now().minus(Duration.ofDays(99)));
            assertThat(rows(database, oldClosed.id()))
                    .as("events and snapshots left")
                    .isZero();
            assertThat(viewAfterRetirement(tables, oldClosed.id())).isInstanceOf(Outcome.NotFound.class);
            assertThat(RandomNight.await(tables.view(oldOpen.id(), Optional.empty())))
                    .isInstanceOf(Outcome.Done.class);
            assertThat(RandomNight.await(tables.view(closedLater.id(), Optional.empty())))
                    .isInstanceOf(Outcome.Done.class);
            assertThat(rows(database, oldOpen.id())).isPositive();
            assertThat(rows(database, closedLater.id())).isPositive();
            assertThat(RetentionSweep.of(system, database, KEEP, settings.askTimeout(), in40Days)
                            .sweep())
                    .as("a second sweep finds nothing more")
                    .isEmpty();
        }
    }

    /**
     * A view of a table just retired: a request that reaches the stopped process before its shard has seen it stop is
     * lost and times out (nothing recorded); the next one starts the table afresh and finds no history.
     */
    private static Outcome viewAfterRetirement(Tables tables, TableId id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tables.view(id, Optional.empty())
                        .toCompletableFuture()
                        .get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception timedOut) {
                if (attempt == 3) {
                    throw new AssertionError("no answer after 3 views", timedOut);
                }
            }
        }
    }

    /** A table with two players and a few buy-ins, closed (missing chips shared back) if asked. */
    private static Tables.Opened night(Tables tables, boolean close) {
        Tables.Opened opened =
                RandomNight.retried(() -> tables.open(new Command.OpenTable("Old", "EUR", BigDecimal.TEN, 10)));
        change(tables, opened, new Command.AddPlayer("Ann"));
        change(tables, opened, new Command.AddPlayer("Bo"));
        for (int i = 0; i < 3; i++) {
            change(tables, opened, new Command.BuyIn(1, new BuyInSize.Count(1), Optional.of(Paid.CASH)));
            change(tables, opened, new Command.BuyIn(2, new BuyInSize.Count(1), Optional.empty()));
        }
        if (close) {
            change(tables, opened, new Command.CloseTable(Optional.of(new MissingChips.SharedBack())));
        }
        return opened;
    }

    private static void change(Tables tables, Tables.Opened opened, Command command) {
        Optional<String> requestId = Optional.of(java.util.UUID.randomUUID().toString());
        Outcome outcome =
                RandomNight.retried(() -> tables.change(opened.id(), opened.manageToken(), command, requestId));
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
    }

    private static long rows(DatabaseSettings database, TableId id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement count = connection.prepareStatement(
                        "SELECT (SELECT COUNT(*) FROM \"event_journal\" WHERE \"persistence_id\" = ?)"
                                + " + (SELECT COUNT(*) FROM \"snapshot\" WHERE \"persistence_id\" = ?)")) {
            count.setString(1, "Table|" + id.value());
            count.setString(2, "Table|" + id.value());
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}

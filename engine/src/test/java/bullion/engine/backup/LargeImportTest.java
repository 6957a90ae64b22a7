package bullion.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.core.CommandDecider;
import bullion.core.Decision;
import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Table;
import bullion.engine.EmbeddedFile;
import bullion.engine.EngineSettings;
import bullion.engine.Outcome;
import bullion.engine.TableSystem;
import bullion.engine.entity.StoredEvent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A long night imports whole, in its one atomic write: 10,000 events decided by the core (written straight into an
 * export, as a long-lived table's journal would hold them), imported on each embedded file and read back equal. Prints
 * the file's size and how long the import took.
 */
class LargeImportTest {

    private static final int EVENTS = 10_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void tenThousandEventsImportInOneWrite(EmbeddedFile embedded) {
        List<StoredEvent> journal = new ArrayList<>();
        Optional<Table> table = Optional.empty();
        Instant at = Instant.parse("2026-11-27T20:00:00Z");
        List<Command> opening = List.of(
                new Command.OpenTable("Marathon", "EUR", new BigDecimal("20.00"), 100),
                new Command.AddPlayer("Ann"),
                new Command.AddPlayer("Bo"));
        for (int i = 0; journal.size() < EVENTS; i++) {
            int player = 1 + ((i - 1) / 2) % 2; // a buy-in, then a cash-out by the same player
            Command command = i < opening.size()
                    ? opening.get(i)
                    : i % 2 == 1 ? new Command.BuyIn(player, 1) : new Command.CashOut(player, 10);
            Decision.Accepted accepted = (Decision.Accepted) CommandDecider.decide(table, command, at.plusSeconds(i));
            for (Event event : accepted.events()) {
                table = Optional.of(EventApplier.apply(table, event));
                journal.add(
                        event instanceof Event.TableOpened opened
                                ? new StoredEvent.TableCreated(opened, "")
                                : new StoredEvent.Recorded(event, Optional.empty()));
            }
        }
        byte[] file = TableExport.of("AAAAAAAAAAAAAAAAAAAAAA", at, journal).toJson();

        EngineSettings settings = EngineSettings.singleNode(embedded.in(dir));
        try (TableSystem system = TableSystem.start(settings)) {
            long started = System.nanoTime();
            Backups.Imported imported =
                    RandomNight.await(Backups.of(system, settings).importTable(file));
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(
                    "large import (%s): %d events, %d bytes, imported in %d ms%n",
                    embedded, EVENTS, file.length, tookMs);
            Outcome.Done back = (Outcome.Done) RandomNight.await(system.tables().view(imported.id(), Optional.empty()));
            assertThat(back.table()).isEqualTo(table.orElseThrow());
        }
    }
}

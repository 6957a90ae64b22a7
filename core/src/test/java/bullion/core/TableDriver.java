package bullion.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plays commands against the pure core the way the engine does: decide, then apply the events. */
final class TableDriver {

    static final Instant NOON = Instant.parse("2026-11-27T12:00:00Z");

    private Optional<Table> table = Optional.empty();
    private final List<Event> history = new ArrayList<>();

    static TableDriver open(String name, String currency, String buyIn, long chipsPerBuyIn) {
        TableDriver driver = new TableDriver();
        driver.accept(new Command.OpenTable(name, currency, new BigDecimal(buyIn), chipsPerBuyIn));
        return driver;
    }

    Decision decide(Command command) {
        Decision decision = CommandDecider.decide(table, command, NOON);
        if (decision instanceof Decision.Accepted accepted) {
            for (Event event : accepted.events()) {
                table = Optional.of(EventApplier.apply(table, event));
                history.add(event);
            }
        }
        return decision;
    }

    List<Event> accept(Command command) {
        Decision decision = decide(command);
        if (decision instanceof Decision.Accepted accepted) {
            return accepted.events();
        }
        throw new AssertionError("expected " + command + " to be accepted, got " + decision);
    }

    Rejection reject(Command command) {
        Decision decision = decide(command);
        if (decision instanceof Decision.Rejected rejected) {
            return rejected.why();
        }
        throw new AssertionError("expected " + command + " to be rejected, got " + decision);
    }

    int join(String name) {
        accept(new Command.AddPlayer(name));
        return table().players().getLast().id();
    }

    Table table() {
        return table.orElseThrow();
    }

    TableReport report() {
        return TableReport.of(table());
    }

    List<Event> history() {
        return List.copyOf(history);
    }
}

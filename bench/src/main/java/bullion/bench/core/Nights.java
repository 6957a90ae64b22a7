package bullion.bench.core;

import bullion.core.Command;
import bullion.core.CommandDecider;
import bullion.core.Decision;
import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Nights built through the core's own decider, so every benchmark starts from a table the rules accept: players
 * join, everyone buys in, then rebuys and cash-outs until the ledger is as long as asked.
 */
public final class Nights {

    static final Instant NOW = Instant.parse("2025-01-10T20:00:00Z");
    static final long CHIPS_PER_BUY_IN = 100;

    private Nights() {}

    /** The events of a night with {@code players} players and {@code entries} ledger entries (seeded, so repeatable). */
    public static List<Event> events(int players, int entries, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Event> events = new ArrayList<>();
        Optional<Table> table = Optional.empty();
        table = record(
                table, new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), CHIPS_PER_BUY_IN), events);
        for (int p = 1; p <= players; p++) {
            table = record(table, new Command.AddPlayer("Player " + p), events);
        }
        int written = 0;
        while (written < entries) {
            int player = 1 + random.nextInt(players);
            long onTable = table.orElseThrow().chipsOnTable();
            Command command = written < players
                    ? new Command.BuyIn(written + 1, 1)
                    : random.nextInt(3) == 0 && onTable > 0
                            ? new Command.CashOut(player, 1 + random.nextLong(Math.min(onTable, 150)))
                            : new Command.BuyIn(player, 1);
            table = record(table, command, events);
            written++;
        }
        return List.copyOf(events);
    }

    /** The night's events and then cash-outs of every chip left, so the settle-up is complete. */
    public static List<Event> settledNight(int players, int entries, long seed) {
        List<Event> events = new ArrayList<>(events(players, entries, seed));
        Table table = EventApplier.replay(events).orElseThrow();
        if (table.chipsOnTable() > 0) {
            record(Optional.of(table), new Command.CashOut(1, table.chipsOnTable()), events);
        }
        return List.copyOf(events);
    }

    public static Table table(List<Event> events) {
        return EventApplier.replay(events).orElseThrow();
    }

    private static Optional<Table> record(Optional<Table> table, Command command, List<Event> events) {
        Decision decision = CommandDecider.decide(table, command, NOW);
        if (!(decision instanceof Decision.Accepted accepted)) {
            throw new IllegalStateException(command + " was refused: " + decision);
        }
        for (Event event : accepted.events()) {
            table = Optional.of(EventApplier.apply(table, event));
            events.add(event);
        }
        return table;
    }
}

package bullion.engine.entity;

import bullion.core.Entry;
import bullion.core.Event;
import bullion.core.Table;
import java.util.Optional;

/**
 * The events a table's ledger can give back: the one that made an entry (a buy-in of buy-ins or of chips, a
 * cash-out) and the one that voided it. {@link RecentRequests} keeps such a number instead of the event, which the
 * entry holds as it was recorded (BENCHMARKS.md, "Idle tables"). A number is kept only when the event read back
 * from the entry equals the one recorded, so a retry is never answered with another event.
 *
 * <p>Numbers: {@code seq} for the event that made entry {@code seq}, {@code -seq} for its voiding, 0 for none.
 */
final class EntryEvents {

    static final int NONE = 0;

    private EntryEvents() {}

    /** The number {@code event}, just applied to {@code table}, can be kept as, or {@link #NONE}. */
    static int numberOf(Event event, Table table) {
        int number = switch (event) {
            case Event.BoughtIn b -> b.seq();
            case Event.BoughtChips b -> b.seq();
            case Event.CashedOut c -> c.seq();
            case Event.EntryVoided v -> -v.seq();
            default -> NONE;
        };
        return number != NONE && readBack(table, number).filter(event::equals).isPresent() ? number : NONE;
    }

    /** The event numbered {@code number} read back from the table's ledger; empty if the ledger has none. */
    static Optional<Event> readBack(Table table, int number) {
        if (number == NONE || number == Integer.MIN_VALUE) {
            return Optional.empty();
        }
        return table.entry(Math.abs(number)).flatMap(entry -> number > 0 ? Optional.of(made(entry)) : voided(entry));
    }

    /** The event whose number is {@code number}, which {@link #numberOf} gave for {@code table}. */
    static Event of(Table table, int number) {
        return readBack(table, number)
                .orElseThrow(() -> new IllegalStateException("no event numbered " + number + " in the ledger"));
    }

    private static Event made(Entry entry) {
        return switch (entry.kind()) {
            case CASH_OUT -> new Event.CashedOut(entry.seq(), entry.at(), entry.playerId(), entry.quantity());
            case BUY_IN ->
                entry.unit() == Entry.Unit.BUY_INS
                        ? new Event.BoughtIn(entry.seq(), entry.at(), entry.playerId(), entry.quantity(), entry.paid())
                        : new Event.BoughtChips(
                                entry.seq(), entry.at(), entry.playerId(), entry.quantity(), entry.paid());
        };
    }

    private static Optional<Event> voided(Entry entry) {
        return entry.voiding().map(v -> new Event.EntryVoided(entry.seq(), v.at(), v.reason()));
    }
}

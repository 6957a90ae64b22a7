package bullion.engine.entity;

import bullion.core.Entry;
import bullion.core.Event;
import bullion.core.Table;
import java.util.Optional;

/**
 * The events a table gives back by a number: the one that made a ledger entry (a buy-in of buy-ins or of chips, a
 * cash-out), the one that voided it, and a player's joining. {@link RecentRequests} keeps such a number instead of
 * the event (BENCHMARKS.md, "Idle tables"). A number is given only when the event read back equals the one recorded,
 * so a retry is never answered with another event; an event that would change what a number reads back (a second
 * voiding of the entry, a rename of the player) says so ({@link #changedBy}), so that the event is kept before.
 *
 * <p>A number is an entry's seq or a player's id shifted left two bits, and in those two bits what it names:
 * {@link #MADE}, {@link #VOIDED} or {@link #JOINED}. {@link #NONE} (0) is no number.
 */
final class EventNumbers {

    static final int NONE = 0;

    private static final int MADE = 1;
    private static final int VOIDED = 2;
    private static final int JOINED = 3;
    private static final int KINDS = 2;
    private static final int LARGEST = Integer.MAX_VALUE >> KINDS;

    private EventNumbers() {}

    /** The number {@code event}, just applied to {@code table}, can be kept as, or {@link #NONE}. */
    static int numberOf(Event event, Table table) {
        int number = switch (event) {
            case Event.BoughtIn b -> number(b.seq(), MADE);
            case Event.BoughtChips b -> number(b.seq(), MADE);
            case Event.CashedOut c -> number(c.seq(), MADE);
            case Event.EntryVoided v -> number(v.seq(), VOIDED);
            case Event.PlayerJoined j -> number(j.playerId(), JOINED);
            default -> NONE;
        };
        return readBack(table, number).filter(event::equals).isPresent() ? number : NONE;
    }

    /** The number whose event {@code event} would read back otherwise once applied, or {@link #NONE}. */
    static int changedBy(Event event) {
        return switch (event) {
            case Event.EntryVoided v -> number(v.seq(), VOIDED);
            case Event.PlayerRenamed r -> number(r.playerId(), JOINED);
            default -> NONE;
        };
    }

    /** The event numbered {@code number}, which {@link #numberOf} gave for this table or one before it. */
    static Event of(Table table, int number) {
        return readBack(table, number)
                .orElseThrow(() -> new IllegalStateException("the table gives back no event numbered " + number));
    }

    private static int number(int key, int kind) {
        return key >= 1 && key <= LARGEST ? key << KINDS | kind : NONE;
    }

    private static Optional<Event> readBack(Table table, int number) {
        int key = number >>> KINDS;
        return switch (number & ((1 << KINDS) - 1)) {
            case MADE -> table.entry(key).map(EventNumbers::made);
            case VOIDED -> table.entry(key).flatMap(EventNumbers::voided);
            case JOINED -> table.player(key).map(p -> new Event.PlayerJoined(p.id(), p.name()));
            default -> Optional.empty();
        };
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

package bullion.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A poker table's whole state: its terms (stored under the field name {@code settings}, which snapshots hold),
 * players in joining order, the ledger, and once it is closed its
 * {@link Closing} (the frozen payment plan with its paid marks). {@code milestones} keeps every close, reopen and
 * mark with its time. {@code version} counts the events applied, so it grows with every change.
 *
 * <p>{@code entries} is always a {@link Ledger}, which keeps the running totals, so the totals below cost the same
 * however long the night; they are derived from the entries, never stored.
 */
public record Table(
        TableTerms settings,
        List<Player> players,
        List<Entry> entries,
        Optional<Closing> closing,
        List<Milestone> milestones,
        long version) {

    public Table {
        Objects.requireNonNull(settings, "settings");
        players = List.copyOf(players);
        entries = Ledger.of(entries);
        closing = closing == null ? Optional.empty() : closing;
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    public boolean closed() {
        return closing.isPresent();
    }

    /** Open; closed with payments still to mark; or settled, every payment marked (at once if there are none). */
    public TableStatus status() {
        return closing.map(c -> c.everyPaymentMarked() ? TableStatus.SETTLED : TableStatus.CLOSED)
                .orElse(TableStatus.OPEN);
    }

    public Optional<Player> player(int playerId) {
        return players.stream().filter(p -> p.id() == playerId).findFirst();
    }

    public boolean hasPlayer(int playerId) {
        return player(playerId).isPresent();
    }

    /** Names are unique per table after NFC and ignoring case, so "dana" cannot join beside "Dana". */
    public boolean hasPlayerNamed(String name) {
        return playerNamed(name).isPresent();
    }

    /** The player whose name reads the same as {@code name} (see {@link Names#sameName}). */
    public Optional<Player> playerNamed(String name) {
        return players.stream().filter(p -> Names.sameName(p.name(), name)).findFirst();
    }

    public Optional<Entry> entry(int seq) {
        return seq >= 1 && seq <= entries.size() ? Optional.of(entries.get(seq - 1)) : Optional.empty();
    }

    /** A payment of the frozen plan by its number; empty while the table is open. */
    public Optional<Payment> payment(int n) {
        return closing.flatMap(
                c -> c.payments().stream().filter(p -> p.n() == n).findFirst());
    }

    public int nextPlayerId() {
        return players.size() + 1;
    }

    public int nextSeq() {
        return entries.size() + 1;
    }

    /** The entries with their running totals. */
    Ledger ledger() {
        return (Ledger) entries;
    }

    public long chipsBought() {
        return ledger().total().chipsBought(settings.chipsPerBuyIn());
    }

    public long chipsCashedOut() {
        return ledger().total().chipsCashedOut();
    }

    /** Chips bought and not yet cashed out; the rules keep this from ever going below zero. */
    public long chipsOnTable() {
        return chipsBought() - chipsCashedOut();
    }

    /** The money all counting buy-ins cost, exact: each is a whole number of minor units. */
    public Money moneyIn() {
        return ledger().total().paidIn(settings);
    }
}

package bullion.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A poker table's whole state: its terms, players in joining order, the ledger and whether it is closed.
 * {@code version} counts the events applied, so it grows with every change. The terms are called
 * {@code settings} because snapshots store the table under that field name.
 */
public record Table(TableTerms settings, List<Player> players, List<Entry> entries, boolean closed, long version) {

  public Table {
    Objects.requireNonNull(settings, "settings");
    players = List.copyOf(players);
    entries = List.copyOf(entries);
  }

  public Optional<Player> player(int playerId) {
    return players.stream().filter(p -> p.id() == playerId).findFirst();
  }

  public boolean hasPlayer(int playerId) {
    return player(playerId).isPresent();
  }

  /** Names are unique per table ignoring case, so "dana" cannot join beside "Dana". */
  public boolean hasPlayerNamed(String name) {
    String folded = name.toLowerCase(Locale.ROOT);
    return players.stream().anyMatch(p -> p.name().toLowerCase(Locale.ROOT).equals(folded));
  }

  public Optional<Entry> entry(int seq) {
    return seq >= 1 && seq <= entries.size() ? Optional.of(entries.get(seq - 1)) : Optional.empty();
  }

  public int nextPlayerId() {
    return players.size() + 1;
  }

  public int nextSeq() {
    return entries.size() + 1;
  }

  public long chipsBought() {
    return entries.stream()
        .filter(e -> e.counts() && e.kind() == Entry.Kind.BUY_IN)
        .mapToLong(e -> e.chips(settings.chipsPerBuyIn()))
        .sum();
  }

  public long chipsCashedOut() {
    return entries.stream()
        .filter(e -> e.counts() && e.kind() == Entry.Kind.CASH_OUT)
        .mapToLong(Entry::quantity)
        .sum();
  }

  /** Chips bought and not yet cashed out; the rules keep this from ever going below zero. */
  public long chipsOnTable() {
    return chipsBought() - chipsCashedOut();
  }
}

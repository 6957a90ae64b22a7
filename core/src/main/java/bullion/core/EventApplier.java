package bullion.core;

import bullion.core.Event.BoughtIn;
import bullion.core.Event.CashedOut;
import bullion.core.Event.EntryVoided;
import bullion.core.Event.PlayerJoined;
import bullion.core.Event.TableClosed;
import bullion.core.Event.TableOpened;
import bullion.core.Event.TableReopened;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * apply(table, event) → table: a pure fold with no rules in it (the decider already checked them), so that
 * replaying a journal rebuilds exactly the table that was acknowledged.
 */
public final class EventApplier {

  private EventApplier() {}

  public static Table apply(Optional<Table> table, Event event) {
    if (event instanceof TableOpened opened) {
      Currency currency = Currency.getInstance(opened.currencyCode());
      TableTerms settings = new TableTerms(opened.name(), currency, new Money(opened.buyInMinor(), currency),
          opened.chipsPerBuyIn());
      return new Table(settings, List.of(), List.of(), false, 1);
    }
    Table t = table.orElseThrow(() -> new IllegalStateException(event + " before the table was opened"));
    return switch (event) {
      case TableOpened o -> throw new IllegalStateException("table opened twice");
      case PlayerJoined j -> next(t, append(t.players(), new Player(j.playerId(), j.name())), t.entries(), t.closed());
      case BoughtIn b -> next(t, t.players(),
          append(t.entries(), new Entry(b.seq(), b.at(), b.playerId(), Entry.Kind.BUY_IN, b.count(), Optional.empty())),
          t.closed());
      case CashedOut c -> next(t, t.players(),
          append(t.entries(), new Entry(c.seq(), c.at(), c.playerId(), Entry.Kind.CASH_OUT, c.chips(), Optional.empty())),
          t.closed());
      case EntryVoided v -> next(t, t.players(), voided(t.entries(), v), t.closed());
      case TableClosed c -> next(t, t.players(), t.entries(), true);
      case TableReopened r -> next(t, t.players(), t.entries(), false);
    };
  }

  /** Rebuilds a table from its whole history; empty if the history is empty. */
  public static Optional<Table> replay(List<? extends Event> events) {
    Optional<Table> table = Optional.empty();
    for (Event event : events) {
      table = Optional.of(apply(table, event));
    }
    return table;
  }

  private static Table next(Table t, List<Player> players, List<Entry> entries, boolean closed) {
    return new Table(t.settings(), players, entries, closed, t.version() + 1);
  }

  private static List<Entry> voided(List<Entry> entries, EntryVoided v) {
    List<Entry> copy = new ArrayList<>(entries);
    copy.set(v.seq() - 1, copy.get(v.seq() - 1).voidedAt(v.at(), v.reason()));
    return copy;
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list.size() + 1);
    copy.addAll(list);
    copy.add(item);
    return copy;
  }
}

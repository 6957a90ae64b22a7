package bullion.web.pages;

import bullion.core.Entry;
import bullion.core.Money;
import bullion.core.TableSettings;
import java.util.Optional;

/**
 * What a ledger entry moved: its chips, and for a buy-in the money paid. The page and the CSV both show these,
 * so they are worked out here once (until the core answers it itself).
 */
record EntryAmounts(long chips, Optional<Money> price) {

  static EntryAmounts of(Entry entry, TableSettings settings) {
    return entry.kind() == Entry.Kind.BUY_IN
        ? new EntryAmounts(entry.quantity() * settings.chipsPerBuyIn(), Optional.of(settings.buyIn().times(entry.quantity())))
        : new EntryAmounts(entry.quantity(), Optional.empty());
  }
}

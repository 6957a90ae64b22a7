package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Entry;
import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Money;
import bullion.core.TableSettings;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The chips and money a ledger entry moved, as the page and the CSV show them. */
class EntryAmountsTest {

  private static final TableSettings SETTINGS =
      EventApplier.apply(Optional.empty(), new Event.TableOpened("Friday", "USD", 2000, 100)).settings();

  @Test
  void aBuyInOfThreeIsThreeTimesTheChipsAndThePrice() {
    Entry buyIn = new Entry(1, Instant.EPOCH, 1, Entry.Kind.BUY_IN, 3, Optional.empty());

    EntryAmounts amounts = EntryAmounts.of(buyIn, SETTINGS);

    assertThat(amounts.chips()).isEqualTo(300);
    assertThat(amounts.price().map(Money::toDecimalString)).hasValue("60.00");
  }

  @Test
  void aCashOutIsItsChipsAndNoPrice() {
    Entry cashOut = new Entry(2, Instant.EPOCH, 1, Entry.Kind.CASH_OUT, 275, Optional.empty());

    EntryAmounts amounts = EntryAmounts.of(cashOut, SETTINGS);

    assertThat(amounts.chips()).isEqualTo(275);
    assertThat(amounts.price()).isEmpty();
  }
}

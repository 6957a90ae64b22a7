package bullion.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a ledger entry moved, as every view of the ledger shows it. */
class EntryTest {

    private static final TableTerms SETTINGS = EventApplier.apply(
                    Optional.empty(), new Event.TableOpened("Friday", "USD", 2000, 100))
            .settings();

    @Test
    void aBuyInOfThreeIsThreeTimesTheChipsAndThePrice() {
        Entry buyIn = new Entry(1, Instant.EPOCH, 1, Entry.Kind.BUY_IN, 3, Optional.empty());
        assertThat(buyIn.chips(SETTINGS.chipsPerBuyIn())).isEqualTo(300);
        assertThat(buyIn.paid(SETTINGS).map(Money::toDecimalString)).hasValue("60.00");
    }

    @Test
    void aCashOutIsItsChipsAndPaysNothingIn() {
        Entry cashOut = new Entry(2, Instant.EPOCH, 1, Entry.Kind.CASH_OUT, 275, Optional.empty());
        assertThat(cashOut.chips(SETTINGS.chipsPerBuyIn())).isEqualTo(275);
        assertThat(cashOut.paid(SETTINGS)).isEmpty();
    }
}

package bullion.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ledger's narrow columns hold a night as it is played; any entry that does not fit them reads back unchanged. */
class LedgerColumnsTest {

    private static final Instant NIGHT = Instant.parse("2026-11-27T21:15:00.123456789Z");

    private static Entry buyIn(int seq, Instant at, long count) {
        return new Entry(seq, at, 1 + seq % 3, Entry.Kind.BUY_IN, count, Optional.empty());
    }

    @Test
    void aNightAsPlayedStaysNarrow() {
        Ledger ledger = Ledger.of(List.of());
        for (int seq = 1; seq <= 40; seq++) {
            ledger = ledger.appended(buyIn(seq, NIGHT.plusNanos(seq * 1_001L), seq));
        }
        assertThat(ledger.get(39)).isEqualTo(buyIn(40, NIGHT.plusNanos(40 * 1_001L), 40));
        assertThat(Ledger.of(new ArrayList<>(ledger))).containsExactlyElementsOf(ledger);
        assertThat(LedgerColumns.holding(ledger.toArray(new Entry[0]), 40)).isInstanceOf(LedgerColumns.Narrow.class);
    }

    /**
     * A number that is not its place, a time before 1677 or after 2262, a quantity past an {@code int}: appended to a
     * narrow ledger, or in a list read back, each reads back as it was, and so do the entries before it.
     */
    @Test
    void anEntryThatDoesNotFitWidensTheColumnsAndEveryEntryReadsBackEqual() {
        List<Entry> odd = List.of(
                buyIn(7, NIGHT, 1),
                buyIn(2, Instant.parse("1500-01-01T00:00:00.000000001Z"), 1),
                buyIn(2, Instant.MAX, 1),
                buyIn(2, Instant.MIN, 1),
                buyIn(2, NIGHT, Integer.MAX_VALUE + 1L),
                buyIn(2, Instant.parse("1969-12-31T23:59:59.999999999Z"), Integer.MIN_VALUE));
        for (Entry second : odd) {
            Entry first = buyIn(1, NIGHT, 3);
            Ledger appended = Ledger.of(List.of()).appended(first).appended(second);
            assertThat(appended).containsExactly(first, second);
            Ledger read = Ledger.of(List.of(first, second));
            assertThat(read).containsExactly(first, second);
            Entry third = buyIn(3, NIGHT, 2);
            assertThat(appended.appended(third)).containsExactly(first, second, third);
        }
    }

    @Test
    void timesAroundTheEpochAndTheEdgesOfTheNarrowRangeReadBackExactly() {
        List<Instant> times = List.of(
                Instant.EPOCH,
                Instant.EPOCH.minusNanos(1),
                Instant.parse("1677-09-21T00:12:45Z"),
                Instant.parse("2262-04-11T23:47:15.999999999Z"));
        for (Instant at : times) {
            Entry entry = buyIn(1, at, 1);
            assertThat(Ledger.of(List.of()).appended(entry).getFirst()).isEqualTo(entry);
            assertThat(LedgerColumns.holding(new Entry[] {entry}, 1)).isInstanceOf(LedgerColumns.Narrow.class);
        }
    }
}

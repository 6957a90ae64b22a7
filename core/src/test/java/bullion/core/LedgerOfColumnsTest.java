package bullion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A ledger made from a snapshot's columns is the ledger of the same entries, totals and all, under the same rules. */
class LedgerOfColumnsTest {

    private static final Instant AT = Instant.parse("2026-11-27T21:15:00.123456789Z");

    @Test
    void theColumnsOfANightMakeTheLedgerOfItsEntriesWithTheSameTotals() {
        SplittableRandom random = new SplittableRandom(7);
        List<Entry> entries = new ArrayList<>();
        for (int seq = 1; seq <= 500; seq++) {
            Entry.Kind kind = random.nextInt(3) == 0 ? Entry.Kind.CASH_OUT : Entry.Kind.BUY_IN;
            Entry.Unit unit =
                    kind == Entry.Kind.CASH_OUT || random.nextBoolean() ? Entry.Unit.CHIPS : Entry.Unit.BUY_INS;
            Optional<Entry.Voiding> voiding = random.nextInt(25) == 0
                    ? Optional.of(new Entry.Voiding(AT.plusSeconds(seq + 1), "wrong player"))
                    : Optional.empty();
            entries.add(new Entry(
                    seq,
                    AT.plusSeconds(seq).plusNanos(random.nextInt(1_000_000_000)),
                    1 + random.nextInt(9),
                    kind,
                    1 + random.nextInt(500),
                    voiding,
                    unit,
                    Paid.values()[random.nextInt(Paid.values().length)]));
        }
        Ledger counted = Ledger.of(entries);
        Ledger fromColumns = columnsOf(entries);

        assertThat(fromColumns).containsExactlyElementsOf(entries);
        assertThat(fromColumns.total()).isEqualTo(counted.total());
        assertThat(fromColumns.playerIds()).containsExactly(counted.playerIds());
        for (int id = 0; id <= 10; id++) {
            assertThat(fromColumns.tallyOf(id)).as("player %d", id).isEqualTo(counted.tallyOf(id));
            assertThat(fromColumns.hasEntriesOf(id)).isEqualTo(counted.hasEntriesOf(id));
        }
        Entry next = new Entry(501, AT, 3, Entry.Kind.BUY_IN, 2, Optional.empty());
        assertThat(fromColumns.appended(next).tallyOf(3))
                .isEqualTo(counted.appended(next).tallyOf(3));
        assertThat(fromColumns.appended(next)).endsWith(next).hasSize(501);
    }

    /** Numbers out of place and a quantity past an {@code int} keep the columns wide; every entry reads back as given. */
    @Test
    void columnsThatDoNotFitTheNarrowLayoutReadBackAsGiven() {
        List<Entry> entries = List.of(
                new Entry(
                        7, AT, 1, Entry.Kind.BUY_IN, 3_000_000_000L, Optional.empty(), Entry.Unit.CHIPS, Paid.DEFAULT),
                new Entry(9, AT.plusSeconds(60), 2, Entry.Kind.BUY_IN, 2, Optional.empty()),
                new Entry(
                        10,
                        AT.plusSeconds(90),
                        1,
                        Entry.Kind.CASH_OUT,
                        40,
                        Optional.empty(),
                        Entry.Unit.CHIPS,
                        Paid.DEFAULT));
        Ledger fromColumns = columnsOf(entries);

        assertThat(fromColumns).containsExactlyElementsOf(entries);
        assertThat(fromColumns.tallyOf(1)).isEqualTo(Ledger.of(entries).tallyOf(1));
        assertThat(fromColumns.total()).isEqualTo(Ledger.of(entries).total());
    }

    @Test
    void noColumnsMakeTheEmptyLedger() {
        assertThat(columnsOf(List.of())).isEmpty();
        assertThat(columnsOf(List.of()).total()).isEqualTo(Ledger.of(List.of()).total());
    }

    @Test
    void theColumnsAreHeldToTheRulesOfAnEntry() {
        Entry buyIn = new Entry(1, AT, 1, Entry.Kind.BUY_IN, 1, Optional.empty());
        assertThatThrownBy(() -> oneRow(AT.getEpochSecond(), Entry.Kind.CASH_OUT, 5, Entry.Unit.BUY_INS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cash-out is counted in chips");
        assertThatThrownBy(() -> oneRow(Instant.MAX.getEpochSecond() + 1, buyIn.kind(), 1, buyIn.unit()))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> oneRow(AT.getEpochSecond(), buyIn.kind(), 1, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Ledger.ofColumns(
                        new int[] {1, 2},
                        new long[] {AT.getEpochSecond()},
                        new int[] {0},
                        new int[] {1},
                        new Entry.Kind[] {buyIn.kind()},
                        new long[] {1},
                        new Entry.Voiding[1],
                        new Entry.Unit[] {buyIn.unit()},
                        new Paid[] {buyIn.paid()}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ in length");
    }

    /** The columns of one entry, number 1 of player 1, not voided, paid by default. */
    private static Ledger oneRow(long atSecond, Entry.Kind kind, long quantity, Entry.Unit unit) {
        return Ledger.ofColumns(
                new int[] {1},
                new long[] {atSecond},
                new int[] {0},
                new int[] {1},
                new Entry.Kind[] {kind},
                new long[] {quantity},
                new Entry.Voiding[1],
                new Entry.Unit[] {unit},
                new Paid[] {Paid.DEFAULT});
    }

    private static Ledger columnsOf(List<Entry> entries) {
        int n = entries.size();
        int[] seq = new int[n];
        long[] atSecond = new long[n];
        int[] atNano = new int[n];
        int[] playerId = new int[n];
        Entry.Kind[] kind = new Entry.Kind[n];
        long[] quantity = new long[n];
        Entry.Voiding[] voiding = new Entry.Voiding[n];
        Entry.Unit[] unit = new Entry.Unit[n];
        Paid[] paid = new Paid[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            seq[i] = e.seq();
            atSecond[i] = e.at().getEpochSecond();
            atNano[i] = e.at().getNano();
            playerId[i] = e.playerId();
            kind[i] = e.kind();
            quantity[i] = e.quantity();
            voiding[i] = e.voiding().orElse(null);
            unit[i] = e.unit();
            paid[i] = e.paid();
        }
        return Ledger.ofColumns(seq, atSecond, atNano, playerId, kind, quantity, voiding, unit, paid);
    }
}

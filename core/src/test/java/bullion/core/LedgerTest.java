package bullion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ledger's versions share one array, and no version ever sees another's entries. */
class LedgerTest {

    private static Entry buyIn(int seq, int playerId) {
        return new Entry(seq, Instant.EPOCH, playerId, Entry.Kind.BUY_IN, 1, Optional.empty());
    }

    private static Ledger ledgerOf(int size) {
        Ledger ledger = Ledger.of(List.of());
        for (int seq = 1; seq <= size; seq++) {
            ledger = ledger.appended(buyIn(seq, 1 + seq % 3));
        }
        return ledger;
    }

    /**
     * The ledger keeps its entries column-wise and a voiding in its overlay: a voided entry read back from a list, one
     * appended already voided, and one voided later all read back equal, across the copies that growing makes.
     */
    @Test
    void everyEntryReadsBackEqualWhateverItsVoidingAndHowOftenTheLedgerGrew() {
        Instant at = Instant.parse("2026-11-27T21:15:00.123456789Z");
        Entry voided = new Entry(
                1,
                at,
                2,
                Entry.Kind.BUY_IN,
                40,
                Optional.of(new Entry.Voiding(at.plusSeconds(1), "twice")),
                Entry.Unit.CHIPS,
                Paid.CASH);
        Entry cashOut =
                new Entry(2, Instant.parse("1969-12-31T23:59:59.5Z"), 3, Entry.Kind.CASH_OUT, 7, Optional.empty());
        Ledger ledger = Ledger.of(List.of(voided, cashOut));
        assertThat(ledger).containsExactly(voided, cashOut);
        assertThat(ledger.tallyOf(2).chipsAsChips()).isZero();
        List<Entry> expected = new ArrayList<>(List.of(voided, cashOut));
        for (int seq = 3; seq <= 100; seq++) {
            Entry next = seq == 50
                    ? new Entry(seq, at, 2, Entry.Kind.BUY_IN, 40, voided.voiding(), Entry.Unit.CHIPS, Paid.CASH)
                    : buyIn(seq, seq % 4);
            ledger = ledger.appended(next);
            expected.add(next);
        }
        ledger = ledger.replaced(2, ledger.get(2).voidedAt(at, "late"));
        expected.set(2, expected.get(2).voidedAt(at, "late"));
        assertThat(ledger).containsExactlyElementsOf(expected);
        assertThat(ledger.appended(buyIn(101, 1)).subList(0, 100)).containsExactlyElementsOf(expected);
        assertThat(Ledger.of(new ArrayList<>(ledger))).containsExactlyElementsOf(expected);
    }

    @Test
    void appendingToAnOlderVersionLeavesTheLaterOneAsItWas() {
        Ledger older = ledgerOf(5);
        Ledger later = older.appended(buyIn(6, 1));
        Ledger branch = older.appended(buyIn(6, 2));
        assertThat(older).hasSize(5);
        assertThat(later.getLast().playerId()).isEqualTo(1);
        assertThat(branch.getLast().playerId()).isEqualTo(2);
        assertThat(later.tallyOf(1).buyIns()).isEqualTo(branch.tallyOf(1).buyIns() + 1);
    }

    @Test
    void aVoidShowsOnlyInTheVersionThatVoidedAndInWhatFollowsIt() {
        Ledger before = ledgerOf(4);
        Ledger voided = before.replaced(1, before.get(1).voidedAt(Instant.EPOCH, "mistake"));
        Ledger after = voided.appended(buyIn(5, 1));
        assertThat(before.get(1).voided()).isFalse();
        assertThat(voided.get(1).voided()).isTrue();
        assertThat(after.get(1).voided()).isTrue();
        assertThat(before.total().buyIns()).isEqualTo(4);
        assertThat(voided.total().buyIns()).isEqualTo(3);
        assertThat(after.total().buyIns()).isEqualTo(4);
        assertThat(before.appended(buyIn(5, 1)).get(1).voided()).isFalse();
    }

    @Test
    void aLedgerCannotBeChangedThroughItsListInterface() {
        Ledger ledger = ledgerOf(3);
        assertThatThrownBy(() -> ledger.add(buyIn(4, 1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ledger.set(0, buyIn(1, 2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ledger.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Ledger.of(java.util.Arrays.asList(buyIn(1, 1), null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void threadsAppendingToOneVersionAtOnceEachGetOnlyTheirOwnEntries() throws Exception {
        Ledger base = ledgerOf(10);
        int threads = 8;
        int appends = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Ledger>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 1; t <= threads; t++) {
                int player = 100 + t;
                results.add(pool.submit(() -> {
                    start.await();
                    Ledger mine = base;
                    for (int i = 0; i < appends; i++) {
                        mine = mine.appended(buyIn(11 + i, player));
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (int t = 1; t <= threads; t++) {
                Ledger mine = results.get(t - 1).get(30, TimeUnit.SECONDS);
                assertThat(mine).hasSize(10 + appends);
                assertThat(mine.subList(0, 10)).isEqualTo(base);
                int player = 100 + t;
                assertThat(mine.subList(10, mine.size())).allMatch(e -> e.playerId() == player);
                assertThat(mine.tallyOf(player).buyIns()).isEqualTo(appends);
            }
        }
        assertThat(base).hasSize(10);
    }

    @Test
    void aTableReadBackFromPlainEntriesHasTheSameTotals() {
        Ledger ledger = ledgerOf(50);
        Ledger counted = Ledger.of(new ArrayList<>(ledger));
        assertThat(counted).isEqualTo(ledger);
        assertThat(counted.total()).isEqualTo(ledger.total());
        assertThat(counted.playerIds()).containsExactly(ledger.playerIds());
    }

    @Test
    void aReportIsWorkedOutOncePerTableVersion() {
        TableDriver t = TableDriver.open("Friday", "USD", "20", 100);
        int ari = t.join("Ari");
        t.accept(new Command.BuyIn(ari, 2));
        Table table = t.table();
        assertThat(TableReport.of(table)).isSameAs(TableReport.of(table));
        Table same = new Table(
                table.settings(),
                table.players(),
                new ArrayList<>(table.entries()),
                table.closing(),
                table.milestones(),
                table.version());
        assertThat(TableReport.of(same)).isEqualTo(TableReport.of(table));
    }
}

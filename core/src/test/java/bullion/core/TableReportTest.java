package bullion.core;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command.BuyIn;
import bullion.core.Command.CashOut;
import bullion.core.Command.CloseTable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableReportTest {

    @Test
    void aPlayersNumbersFollowTheirBuyInsAndCashOuts() {
        TableDriver t = TableDriver.open("my great game", "USD", "20.00", 100);
        int tyler = t.join("Tyler");
        t.accept(new BuyIn(tyler, 1));
        t.accept(new CashOut(tyler, 22));
        PlayerBalance b = t.report().balanceOf(tyler).orElseThrow();
        assertThat(b.buyIns()).isEqualTo(1);
        assertThat(b.chipsBought()).isEqualTo(100);
        assertThat(b.chipsCashedOut()).isEqualTo(22);
        assertThat(b.chipsOut()).isEqualTo(78);
        assertThat(b.paidIn().toDecimalString()).isEqualTo("20.00");
        assertThat(b.cashedOutValue().toDecimalString()).isEqualTo("4.40");
        assertThat(b.net().toDecimalString()).isEqualTo("-15.60");
        Totals totals = t.report().totals();
        assertThat(totals.chipsOnTable()).isEqualTo(78);
        assertThat(totals.moneyOut().toDecimalString()).isEqualTo("4.40");
        assertThat(t.report().settlement().complete()).isFalse();
        assertThat(t.report().settlement().transfers()).isEmpty();
    }

    @Test
    void aWinnerHasNegativeChipsOut() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int ari = t.join("Ari");
        int bea = t.join("Bea");
        t.accept(new BuyIn(ari, 1));
        t.accept(new BuyIn(bea, 1));
        t.accept(new CashOut(ari, 130));
        assertThat(t.report().balanceOf(ari).orElseThrow().chipsOut()).isEqualTo(-30);
    }

    @Test
    void aPlayerWhoHasCashedOutIsDoneWithNoChipsInFrontOfThem() {
        TableDriver t = TableDriver.open("T", "USD", "20", 250);
        int beth = t.join("Beth");
        int ari = t.join("Ari");
        int cy = t.join("Cy");
        t.accept(new BuyIn(beth, 2));
        t.accept(new BuyIn(ari, 1));
        t.accept(new BuyIn(cy, 1));
        t.accept(new CashOut(beth, 250));
        t.accept(new CashOut(ari, 670));
        PlayerBalance bethNow = t.report().balanceOf(beth).orElseThrow();
        PlayerBalance ariNow = t.report().balanceOf(ari).orElseThrow();
        assertThat(bethNow.chipsOut()).isEqualTo(250);
        assertThat(bethNow.chipsInFront()).isZero();
        assertThat(bethNow.done()).isTrue();
        assertThat(ariNow.chipsOut()).isEqualTo(-420);
        assertThat(ariNow.chipsInFront()).isZero();
        assertThat(ariNow.done()).isTrue();
        // Cy is the only one still playing: every chip on the table is in front of him.
        assertThat(t.report().balanceOf(cy).orElseThrow().chipsInFront()).isEqualTo(80);
        assertThat(t.report().balanceOf(cy).orElseThrow().done()).isFalse();
    }

    @Test
    void aPlayerWhoBuysInAgainAfterCashingOutIsBackInWithTheChipsBoughtSince() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int ari = t.join("Ari");
        int bea = t.join("Bea");
        t.accept(new BuyIn(ari, 1));
        t.accept(new BuyIn(bea, 1));
        t.accept(new CashOut(ari, 150));
        t.accept(new BuyIn(ari, 1));
        assertThat(t.report().balanceOf(ari).orElseThrow().chipsInFront()).isEqualTo(100);
        assertThat(t.report().balanceOf(ari).orElseThrow().done()).isFalse();
        // Two still play: each is shown with what they brought since, as the ledger cannot see the stacks.
        assertThat(t.report().balanceOf(bea).orElseThrow().chipsInFront()).isEqualTo(100);
    }

    @Test
    void netsThatDoNotDivideEvenlyStillAddUpToZeroByTheDocumentedRule() {
        TableDriver t = TableDriver.open("Sixths", "USD", "10.00", 6);
        int a = t.join("A");
        int b = t.join("B");
        int c = t.join("C");
        for (int p : List.of(a, b, c)) {
            t.accept(new BuyIn(p, 1));
        }
        t.accept(new CashOut(a, 7));
        t.accept(new CashOut(b, 7));
        t.accept(new CashOut(c, 4));
        TableReport r = t.report();
        assertThat(r.players()).extracting(pb -> pb.net().toDecimalString()).containsExactly("1.67", "1.66", "-3.33");
        assertThat(r.players())
                .extracting(pb -> pb.cashedOutValue().toDecimalString())
                .containsExactly("11.67", "11.66", "6.67");
        assertThat(r.totals().moneyOut().toDecimalString()).isEqualTo("30.00");
    }

    @Test
    void aChipWorthAThirdOfADollarIsValuedExactly() {
        TableDriver t = TableDriver.open("Thirds", "USD", "10", 3);
        int a = t.join("A");
        int b = t.join("B");
        t.accept(new BuyIn(a, 1));
        t.accept(new BuyIn(b, 1));
        t.accept(new CashOut(a, 1));
        TableReport r = t.report();
        assertThat(r.totals().moneyOut().toDecimalString()).isEqualTo("3.33");
        assertThat(r.balanceOf(a).orElseThrow().net().toDecimalString()).isEqualTo("-6.67");
        assertThat(r.balanceOf(b).orElseThrow().net().toDecimalString()).isEqualTo("-10.00");
    }

    @Test
    void aClosedTableWithMissingChipsSaysSoAndStillSettlesToTheCent() {
        TableDriver t = TableDriver.open("Lost chip", "USD", "20", 100);
        int a = t.join("A");
        int b = t.join("B");
        t.accept(new BuyIn(a, 1));
        t.accept(new BuyIn(b, 1));
        t.accept(new CashOut(a, 150));
        t.accept(new CashOut(b, 40));
        assertThat(t.report().settlement().complete()).isFalse();
        t.accept(new CloseTable(Optional.of(new MissingChips.SharedBack())));
        Settlement s = t.report().settlement();
        assertThat(s.complete()).isTrue();
        Discrepancy d = s.discrepancy().orElseThrow();
        assertThat(d.missingChips()).isEqualTo(10);
        assertThat(d.value().toDecimalString()).isEqualTo("2.00");
        assertThat(d.message()).startsWith("10 chips were never cashed out (worth 2.00 USD)");
        // Nets are +10.00 and -12.00; the missing 2.00 goes back 1.00 each, so B pays A 11.00, and the nets shown say
        // so.
        assertThat(s.transfers())
                .containsExactly(
                        new Transfer(b, a, new Money(1100, t.table().settings().currency())));
        assertThat(t.report().balanceOf(a).orElseThrow().net().toDecimalString())
                .isEqualTo("11.00");
        assertThat(t.report().balanceOf(b).orElseThrow().net().toDecimalString())
                .isEqualTo("-11.00");
        assertThat(t.report().balanceOf(b).orElseThrow().adjustment().toDecimalString())
                .isEqualTo("1.00");
    }

    @Test
    void settleUpNamesWhoPaysWhomOnceEveryChipIsBack() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int dana = t.join("Dana");
        int ari = t.join("Ari");
        t.accept(new BuyIn(dana, 2));
        t.accept(new BuyIn(ari, 1));
        t.accept(new CashOut(dana, 37));
        t.accept(new CashOut(ari, 263));
        Settlement s = t.report().settlement();
        assertThat(s.complete()).isTrue();
        assertThat(s.discrepancy()).isEmpty();
        assertThat(s.transfers())
                .containsExactly(new Transfer(
                        dana, ari, new Money(3260, t.table().settings().currency())));
    }
}

package bullion.core;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command.AddPlayer;
import bullion.core.Command.BuyIn;
import bullion.core.Command.CashOut;
import bullion.core.Command.CloseTable;
import bullion.core.Command.OpenTable;
import bullion.core.Command.ReopenTable;
import bullion.core.Command.VoidEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandDeciderTest {

    private static Rejection openRejection(String name, String currency, String buyIn, long chips) {
        Decision d = CommandDecider.decide(
                Optional.empty(),
                new OpenTable(name, currency, buyIn == null ? null : new BigDecimal(buyIn), chips),
                TableDriver.NOON);
        assertThat(d).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected) d).why();
    }

    @Test
    void openingATableTrimsTheNameAndStoresTheBuyInInMinorUnits() {
        TableDriver t = TableDriver.open("  Friday  ", "USD", "20.00", 100);
        assertThat(t.history()).containsExactly(new Event.TableOpened("Friday", "USD", 2000, 100));
        assertThat(t.table().settings().buyIn().toDecimalString()).isEqualTo("20.00");
        assertThat(t.table().closed()).isFalse();
    }

    @Test
    void aTableNameMustBeOneToEightyCharactersWithoutControlCharacters() {
        assertThat(openRejection("   ", "USD", "20", 100)).isInstanceOf(Rejection.InvalidTableName.class);
        assertThat(openRejection("x".repeat(81), "USD", "20", 100).message()).contains("at most 80");
        assertThat(openRejection("a\u0007b", "USD", "20", 100).message()).contains("control");
        TableDriver.open("x".repeat(80), "USD", "20", 100);
    }

    @Test
    void theCurrencyMustBeAnIsoCodeWithAMinorUnit() {
        assertThat(openRejection("T", "ABC", "20", 100)).isEqualTo(new Rejection.UnknownCurrency("ABC"));
        assertThat(openRejection("T", "XXX", "20", 100)).isEqualTo(new Rejection.UnknownCurrency("XXX"));
        assertThat(openRejection("T", "US$", "20", 100)).isEqualTo(new Rejection.UnknownCurrency("US$"));
    }

    @Test
    void theCurrencyIsUsdUnlessGivenAndIsReadInAnyCase() {
        assertThat(TableDriver.open("T", null, "20", 100)
                        .table()
                        .settings()
                        .currency()
                        .getCurrencyCode())
                .isEqualTo("USD");
        assertThat(TableDriver.open("T", "  ", "20", 100)
                        .table()
                        .settings()
                        .currency()
                        .getCurrencyCode())
                .isEqualTo("USD");
        assertThat(TableDriver.open("T", " eur ", "20", 100)
                        .table()
                        .settings()
                        .currency()
                        .getCurrencyCode())
                .isEqualTo("EUR");
    }

    @Test
    void theBuyInMustBePositiveAndFitTheCurrencysMinorUnit() {
        assertThat(openRejection("T", "USD", "0", 100)).isInstanceOf(Rejection.BuyInNotPositive.class);
        assertThat(openRejection("T", "USD", "-5", 100)).isInstanceOf(Rejection.BuyInNotPositive.class);
        assertThat(openRejection("T", "USD", null, 100)).isInstanceOf(Rejection.BuyInNotPositive.class);
        assertThat(openRejection("T", "USD", "20.001", 100))
                .isEqualTo(new Rejection.BuyInTooPrecise("20.001", "USD", 2));
        assertThat(openRejection("T", "JPY", "1000.5", 7)).isInstanceOf(Rejection.BuyInTooPrecise.class);
        assertThat(openRejection("T", "USD", "10000000001", 100)).isInstanceOf(Rejection.BuyInTooLarge.class);
        assertThat(TableDriver.open("T", "USD", "20.000", 100)
                        .table()
                        .settings()
                        .buyIn()
                        .minor())
                .isEqualTo(2000);
        assertThat(TableDriver.open("T", "JPY", "1000", 7)
                        .table()
                        .settings()
                        .buyIn()
                        .minor())
                .isEqualTo(1000);
    }

    @Test
    void chipsPerBuyInMustBeAPositiveWholeNumber() {
        assertThat(openRejection("T", "USD", "20", 0)).isInstanceOf(Rejection.ChipsPerBuyInOutOfRange.class);
        assertThat(openRejection("T", "USD", "20", -3)).isInstanceOf(Rejection.ChipsPerBuyInOutOfRange.class);
    }

    @Test
    void aTableCannotBeOpenedTwiceAndNothingElseWorksBeforeItIsOpen() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        assertThat(t.reject(new OpenTable("T", "USD", BigDecimal.TEN, 10))).isEqualTo(new Rejection.TableAlreadyOpen());
        Decision d = CommandDecider.decide(Optional.empty(), new AddPlayer("Ari"), TableDriver.NOON);
        assertThat(d).isEqualTo(new Decision.Rejected(new Rejection.TableNotOpen()));
    }

    @Test
    void playersGetIncreasingIdsAndTrimmedNames() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        assertThat(t.accept(new AddPlayer(" Ari "))).containsExactly(new Event.PlayerJoined(1, "Ari"));
        assertThat(t.accept(new AddPlayer("Bea"))).containsExactly(new Event.PlayerJoined(2, "Bea"));
    }

    @Test
    void playerNamesAreUniqueIgnoringCase() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        t.join("Dana");
        assertThat(t.reject(new AddPlayer("dANA "))).isEqualTo(new Rejection.DuplicatePlayerName("dANA"));
        assertThat(t.table().players()).hasSize(1);
    }

    @Test
    void aPlayerNameMustBeOneToFortyCharactersWithoutControlCharacters() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        assertThat(t.reject(new AddPlayer(""))).isInstanceOf(Rejection.InvalidPlayerName.class);
        assertThat(t.reject(new AddPlayer(null))).isInstanceOf(Rejection.InvalidPlayerName.class);
        assertThat(t.reject(new AddPlayer("y".repeat(41))).message()).contains("at most 40");
        assertThat(t.reject(new AddPlayer("Ari\nBea"))).isInstanceOf(Rejection.InvalidPlayerName.class);
        t.join("😀".repeat(40));
    }

    @Test
    void aBuyInIsRecordedWithItsSequenceNumberAndCount() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int ari = t.join("Ari");
        assertThat(t.accept(new BuyIn(ari, 2))).containsExactly(new Event.BoughtIn(1, TableDriver.NOON, ari, 2));
        assertThat(t.table().chipsOnTable()).isEqualTo(200);
    }

    @Test
    void aBuyInForAnUnknownPlayerOrAnOddCountIsRejected() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int ari = t.join("Ari");
        assertThat(t.reject(new BuyIn(9, 1))).isEqualTo(new Rejection.UnknownPlayer(9));
        assertThat(t.reject(new BuyIn(ari, 0))).isInstanceOf(Rejection.BuyInCountOutOfRange.class);
        assertThat(t.reject(new BuyIn(ari, 1001))).isInstanceOf(Rejection.BuyInCountOutOfRange.class);
    }

    @Test
    void cashOutOfMoreChipsThanOnTheTableIsRejected() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int ari = t.join("Ari");
        int bea = t.join("Bea");
        t.accept(new BuyIn(ari, 1));
        t.accept(new BuyIn(bea, 1));
        t.accept(new CashOut(ari, 150));
        Rejection r = t.reject(new CashOut(bea, 51));
        assertThat(r).isEqualTo(new Rejection.NotEnoughChipsOnTable(51, 50));
        assertThat(r.message()).isEqualTo("Only 50 chips are still on the table; cannot cash out 51.");
        t.accept(new CashOut(bea, 50));
        assertThat(t.table().chipsOnTable()).isZero();
    }

    @Test
    void aPlayerMayCashOutSeveralTimesAndZeroChips() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int ari = t.join("Ari");
        t.accept(new BuyIn(ari, 1));
        t.accept(new CashOut(ari, 0));
        t.accept(new CashOut(ari, 40));
        t.accept(new CashOut(ari, 60));
        assertThat(t.report().balanceOf(ari).orElseThrow().chipsCashedOut()).isEqualTo(100);
    }

    @Test
    void aNegativeCashOutOrOneForAnUnknownPlayerIsRejected() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int ari = t.join("Ari");
        t.accept(new BuyIn(ari, 1));
        assertThat(t.reject(new CashOut(ari, -1))).isEqualTo(new Rejection.NegativeCashOut(-1));
        assertThat(t.reject(new CashOut(7, 1))).isEqualTo(new Rejection.UnknownPlayer(7));
    }

    @Test
    void aVoidedEntryStaysInTheLedgerAndStopsCounting() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int ari = t.join("Ari");
        t.accept(new BuyIn(ari, 1));
        t.accept(new BuyIn(ari, 1));
        t.accept(new VoidEntry(2, Optional.of(" tapped twice ")));
        Entry voided = t.table().entries().get(1);
        assertThat(voided.voided()).isTrue();
        assertThat(voided.voiding().orElseThrow().reason()).isEqualTo("tapped twice");
        assertThat(t.table().entries()).hasSize(2);
        assertThat(t.table().chipsBought()).isEqualTo(100);
    }

    @Test
    void voidingTwiceOrAnUnknownEntryIsRejected() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int ari = t.join("Ari");
        t.accept(new BuyIn(ari, 1));
        t.accept(new VoidEntry(1, Optional.empty()));
        assertThat(t.reject(new VoidEntry(1, Optional.empty()))).isEqualTo(new Rejection.EntryAlreadyVoided(1));
        assertThat(t.reject(new VoidEntry(2, Optional.empty()))).isEqualTo(new Rejection.UnknownEntry(2));
        assertThat(t.reject(new VoidEntry(0, Optional.empty()))).isEqualTo(new Rejection.UnknownEntry(0));
        assertThat(t.reject(new VoidEntry(1, Optional.of("r".repeat(201)))))
                .isInstanceOf(Rejection.EntryAlreadyVoided.class);
    }

    @Test
    void aVoidReasonIsLimitedInLength() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int ari = t.join("Ari");
        t.accept(new BuyIn(ari, 1));
        assertThat(t.reject(new VoidEntry(1, Optional.of("r".repeat(201)))))
                .isEqualTo(new Rejection.ReasonTooLong(201, 200));
    }

    @Test
    void aVoidReasonWithControlCharactersIsRejected() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int ari = t.join("Ari");
        t.accept(new BuyIn(ari, 1));
        for (String reason : List.of("wrong\nplayer", "tab\there", "bell\u0007", "del\u007f", "c1\u0085")) {
            assertThat(t.reject(new VoidEntry(1, Optional.of(reason))))
                    .isEqualTo(new Rejection.ReasonHasControlCharacters());
        }
    }

    @Test
    void voidingABuyInWhoseChipsWereAlreadyCashedOutIsRejected() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int ari = t.join("Ari");
        t.accept(new BuyIn(ari, 1));
        t.accept(new CashOut(ari, 30));
        assertThat(t.reject(new VoidEntry(1, Optional.empty())))
                .isEqualTo(new Rejection.VoidWouldLeaveTooFewChips(1, 100, 70));
        t.accept(new VoidEntry(2, Optional.empty()));
        t.accept(new VoidEntry(1, Optional.empty()));
        assertThat(t.table().chipsOnTable()).isZero();
    }

    @Test
    void aClosedTableTakesNoEntriesUntilReopened() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int ari = t.join("Ari");
        t.accept(new BuyIn(ari, 1));
        t.accept(new CloseTable(Optional.of(new MissingChips.SharedBack())));
        assertThat(t.table().closed()).isTrue();
        assertThat(t.reject(new BuyIn(ari, 1))).isEqualTo(new Rejection.TableClosed());
        assertThat(t.reject(new CashOut(ari, 1))).isEqualTo(new Rejection.TableClosed());
        assertThat(t.reject(new AddPlayer("Bea"))).isEqualTo(new Rejection.TableClosed());
        assertThat(t.reject(new VoidEntry(1, Optional.empty()))).isEqualTo(new Rejection.TableClosed());
        assertThat(t.reject(new CloseTable())).isEqualTo(new Rejection.TableAlreadyClosed());
        t.accept(new ReopenTable());
        assertThat(t.reject(new ReopenTable())).isEqualTo(new Rejection.TableNotClosed());
        t.accept(new BuyIn(ari, 1));
        assertThat(t.table().chipsOnTable()).isEqualTo(200);
    }

    @Test
    void everyAcceptedChangeGrowsTheVersion() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        long before = t.table().version();
        t.join("Ari");
        assertThat(t.table().version()).isEqualTo(before + 1);
        t.reject(new AddPlayer("ari"));
        assertThat(t.table().version()).isEqualTo(before + 1);
    }

    @Test
    void everyRejectionHasASentence() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        assertThat(t.reject(new BuyIn(3, 1)).message()).isEqualTo("There is no player 3 at this table.");
        assertThat(new Rejection.TableClosed().message()).endsWith(".");
    }

    @Test
    void buyInsStopAtTheTableLimitSoTotalsStayExact() {
        TableDriver t = TableDriver.open("Whales", "USD", "10000000000", 1_000_000_000);
        int ari = t.join("Ari");
        long allowed = CommandDecider.MAX_TABLE_TOTAL / 1_000_000_000_000L;
        t.accept(new BuyIn(ari, allowed));
        assertThat(t.reject(new BuyIn(ari, 1)))
                .isEqualTo(new Rejection.TableLimitReached(CommandDecider.MAX_TABLE_TOTAL));
        assertThat(t.report().totals().moneyIn().minor()).isEqualTo(CommandDecider.MAX_TABLE_TOTAL);
    }
}

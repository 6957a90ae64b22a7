package bullion.core;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command.BuyIn;
import bullion.core.Command.CashOut;
import bullion.core.Command.CloseTable;
import bullion.core.Command.MarkPaid;
import bullion.core.Command.OpenTable;
import bullion.core.Command.ReopenTable;
import bullion.core.Command.SetPayHandles;
import bullion.core.Command.UnmarkPaid;
import bullion.core.Command.VoidEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of issue 9: cash and credit, the bank, chip buy-ins, a close that squares, and marked payments. */
class FinishTheNightTest {

    private static final Optional<Paid> CASH = Optional.of(Paid.CASH);
    private static final Optional<Paid> CREDIT = Optional.of(Paid.CREDIT);

    private static TableDriver table(String price, long chips, Paid defaultPaid) {
        TableDriver t = new TableDriver();
        t.accept(new OpenTable("Night", "USD", new BigDecimal(price), chips, Optional.of(defaultPaid)));
        return t;
    }

    private static Optional<MissingChips> cashedOutBy(int player) {
        return Optional.of(new MissingChips.CashedOutBy(player));
    }

    private static Money usd(long minor) {
        return new Money(minor, SettleUpTest.USD);
    }

    @Test
    void aTableWithoutADefaultTakesBuyInsOnCreditAsBefore() {
        TableDriver t = TableDriver.open("T", "USD", "20", 100);
        int ann = t.join("Ann");
        assertThat(t.table().settings().defaultPaid()).isEqualTo(Paid.CREDIT);
        assertThat(t.accept(new BuyIn(ann, 1)))
                .containsExactly(new Event.BoughtIn(1, TableDriver.NOON, ann, 1, Paid.CREDIT));
        assertThat(t.report().balanceOf(ann).orElseThrow().paidCash()).isEqualTo(usd(0));
    }

    @Test
    void aBuyInIsPaidAsTheTableDefaultSaysUnlessItSaysOtherwise() {
        TableDriver t = table("20", 100, Paid.CASH);
        int ann = t.join("Ann");
        t.accept(new BuyIn(ann, 2));
        t.accept(new BuyIn(ann, new BuyInSize.Count(1), CREDIT));
        assertThat(t.table().entries()).extracting(Entry::paid).containsExactly(Paid.CASH, Paid.CREDIT);
        assertThat(t.report().balanceOf(ann).orElseThrow().paidCash()).isEqualTo(usd(4000));
        assertThat(t.report().balanceOf(ann).orElseThrow().paidIn()).isEqualTo(usd(6000));
        assertThat(t.report().bank()).isEqualTo(new BankBalance(usd(4000), usd(4000)));
    }

    @Test
    void voidingACashBuyInHandsItsCashBack() {
        TableDriver t = table("20", 100, Paid.CASH);
        int ann = t.join("Ann");
        t.accept(new BuyIn(ann, 1));
        t.accept(new BuyIn(ann, 1));
        t.accept(new VoidEntry(2, Optional.of("tapped twice")));
        assertThat(t.report().balanceOf(ann).orElseThrow().paidCash()).isEqualTo(usd(2000));
        assertThat(t.report().bank().cashIn()).isEqualTo(usd(2000));
    }

    /** The example: $20 for 100 chips; Ann and Bob pay cash, Cat credit; 200, 50 and 50 chips back. */
    @Test
    void theBankPaysOutEveryCentItTookAndNobodyPaysTwice() {
        TableDriver t = table("20", 100, Paid.CASH);
        int ann = t.join("Ann");
        int bob = t.join("Bob");
        int cat = t.join("Cat");
        t.accept(new BuyIn(ann, 1));
        t.accept(new BuyIn(bob, 1));
        t.accept(new BuyIn(cat, new BuyInSize.Count(1), CREDIT));
        t.accept(new CashOut(ann, 200));
        t.accept(new CashOut(bob, 50));
        t.accept(new CashOut(cat, 50));
        TableReport r = t.report();
        assertThat(r.players()).extracting(b -> b.net().toDecimalString()).containsExactly("20.00", "-10.00", "-10.00");
        assertThat(r.settlement().transfers())
                .containsExactly(
                        new Transfer(Party.BANK, Party.player(ann), usd(4000)),
                        new Transfer(Party.player(cat), Party.player(bob), usd(1000)));
    }

    @Test
    void aChipBuyInCostsItsExactShareOfThePrice() {
        TableDriver t = table("10.00", 3, Paid.CREDIT);
        int ann = t.join("Ann");
        assertThat(t.accept(new BuyIn(ann, new BuyInSize.Chips(33), CASH)))
                .containsExactly(new Event.BoughtChips(1, TableDriver.NOON, ann, 33, Paid.CASH));
        Entry entry = t.table().entry(1).orElseThrow();
        assertThat(entry.chips(3)).isEqualTo(33);
        assertThat(entry.amount(t.table().settings())).contains(usd(11000));
        assertThat(t.report().balanceOf(ann).orElseThrow().paidCash()).isEqualTo(usd(11000));
    }

    @Test
    void aChipBuyInOfPartOfACentIsRefusedNamingTheNearestCountsThatWork() {
        TableDriver t = table("10.00", 3, Paid.CREDIT);
        int ann = t.join("Ann");
        Rejection one = t.reject(new BuyIn(ann, new BuyInSize.Chips(1), Optional.empty()));
        assertThat(one).isEqualTo(new Rejection.ChipBuyInNotWholeMinorUnits(1, "10.00 USD", 3, 0, 3));
        assertThat(one.message())
                .isEqualTo(
                        "1 chip at 10.00 USD for 3 would not cost a whole number of minor units; the nearest chip count that does is 3.");
        assertThat(t.reject(new BuyIn(ann, new BuyInSize.Chips(31), Optional.empty()))
                        .message())
                .endsWith("the nearest chip counts that do are 30 and 33.");
        assertThat(t.reject(new BuyIn(ann, new BuyInSize.Chips(0), Optional.empty())))
                .isInstanceOf(Rejection.ChipCountOutOfRange.class);
    }

    /** The example: Ann, Cat and Dan buy once, Bob twice; 180, 130 and 90 chips back; Dan's 100 are out. */
    private static TableDriver earlyExit() {
        TableDriver t = table("20", 100, Paid.CREDIT);
        int ann = t.join("Ann");
        int bob = t.join("Bob");
        int cat = t.join("Cat");
        int dan = t.join("Dan");
        t.accept(new BuyIn(ann, 1));
        t.accept(new BuyIn(bob, 2));
        t.accept(new BuyIn(cat, 1));
        t.accept(new BuyIn(dan, 1));
        t.accept(new CashOut(ann, 180));
        t.accept(new CashOut(bob, 130));
        t.accept(new CashOut(cat, 90));
        return t;
    }

    @Test
    void closingWithChipsOutWithoutSayingWhatBecameOfThemIsRefusedWithChipsAndMoney() {
        TableDriver t = earlyExit();
        Rejection why = t.reject(new CloseTable());
        assertThat(why).isInstanceOf(Rejection.Conflict.class);
        assertThat(why.message()).startsWith("100 chips are still out (worth 20.00 USD)");
    }

    @Test
    void chipsOutCountedAsCashedOutByThePlayerWhoLeftWithThem() {
        TableDriver t = earlyExit();
        t.accept(new CloseTable(cashedOutBy(4)));
        TableReport r = t.report();
        assertThat(r.players())
                .extracting(b -> b.net().toDecimalString())
                .containsExactly("16.00", "-14.00", "-2.00", "0.00");
        assertThat(r.players())
                .extracting(b -> b.adjustment().toDecimalString())
                .containsExactly("0.00", "0.00", "0.00", "20.00");
        assertThat(r.settlement().discrepancy().orElseThrow().how()).isEqualTo(new MissingChips.CashedOutBy(4));
    }

    @Test
    void chipsOutSharedBackByChipsBought() {
        TableDriver t = earlyExit();
        t.accept(new CloseTable(Optional.of(new MissingChips.SharedBack())));
        assertThat(t.report().players())
                .extracting(b -> b.net().toDecimalString())
                .containsExactly("20.00", "-6.00", "2.00", "-16.00");
    }

    @Test
    void chipsOutCashedOutBySomeoneWhoIsNotThereIsRefused() {
        assertThat(earlyExit().reject(new CloseTable(cashedOutBy(9)))).isEqualTo(new Rejection.UnknownPlayer(9));
    }

    @Test
    void aTableClosedBeforeTheChoiceExistedReplaysWithChipsSharedBack() {
        TableDriver t = earlyExit();
        List<Event> history = new java.util.ArrayList<>(t.history());
        history.add(new Event.TableClosed(TableDriver.NOON));
        Table old = EventApplier.replay(history).orElseThrow();
        assertThat(TableReport.of(old).players())
                .extracting(b -> b.net().toDecimalString())
                .containsExactly("20.00", "-6.00", "2.00", "-16.00");
        assertThat(old.closing().orElseThrow().payments()).hasSize(3);
    }

    @Test
    void paymentsAreFrozenAtCloseNumberedAndMarkedWithTheirTime() {
        TableDriver t = earlyExit();
        t.accept(new CloseTable(cashedOutBy(4)));
        assertThat(t.table().status()).isEqualTo(TableStatus.CLOSED);
        List<Payment> plan = t.report().settlement().payments();
        assertThat(plan).extracting(Payment::n).containsExactly(1, 2);
        assertThat(t.reject(new MarkPaid(3))).isEqualTo(new Rejection.UnknownPayment(3));
        assertThat(t.accept(new MarkPaid(1))).containsExactly(new Event.PaymentMarked(1, TableDriver.NOON));
        assertThat(t.reject(new MarkPaid(1))).isEqualTo(new Rejection.PaymentAlreadyMarked(1));
        assertThat(t.report().settlement().paidCount()).isEqualTo(1);
        assertThat(t.reject(new ReopenTable())).isEqualTo(new Rejection.PaymentsMarkedPaid(1));
        t.accept(new MarkPaid(2));
        assertThat(t.table().status()).isEqualTo(TableStatus.SETTLED);
        t.accept(new UnmarkPaid(2));
        t.accept(new UnmarkPaid(1));
        assertThat(t.reject(new UnmarkPaid(1))).isEqualTo(new Rejection.PaymentNotMarked(1));
        t.accept(new ReopenTable());
        assertThat(t.table().milestones())
                .extracting(Milestone::kind)
                .containsExactly(
                        Milestone.Kind.CLOSED,
                        Milestone.Kind.PAYMENT_MARKED,
                        Milestone.Kind.PAYMENT_MARKED,
                        Milestone.Kind.PAYMENT_UNMARKED,
                        Milestone.Kind.PAYMENT_UNMARKED,
                        Milestone.Kind.REOPENED);
        assertThat(t.reject(new MarkPaid(1))).isEqualTo(new Rejection.PaymentsNotFrozen());
    }

    @Test
    void aClosedTableWithNoPaymentsIsSettledAtOnce() {
        TableDriver t = table("20", 100, Paid.CREDIT);
        int ann = t.join("Ann");
        t.accept(new BuyIn(ann, 1));
        t.accept(new CashOut(ann, 100));
        t.accept(new CloseTable());
        assertThat(t.table().status()).isEqualTo(TableStatus.SETTLED);
    }

    @Test
    void theFrozenPlanIsTheStoredOneNotARecomputation() {
        TableDriver t = earlyExit();
        Event.TableClosed closed =
                (Event.TableClosed) t.accept(new CloseTable(cashedOutBy(4))).getFirst();
        assertThat(closed.missingChipsCashedOutBy()).contains(4);
        assertThat(closed.payments().orElseThrow()).hasSize(2);
        // A plan stored in the event wins over whatever the settle-up would say today.
        List<Event> history = new java.util.ArrayList<>(t.history());
        history.set(
                history.size() - 1,
                new Event.TableClosed(
                        TableDriver.NOON,
                        Optional.of(4),
                        Optional.of(List.of(new Event.PlannedPayment(1, Party.player(2), Party.player(1), 1600)))));
        assertThat(EventApplier.replay(history)
                        .orElseThrow()
                        .closing()
                        .orElseThrow()
                        .payments())
                .hasSize(1);
    }

    @Test
    void aBankPayoutMarkedPaidLeavesTheCashBox() {
        TableDriver t = table("20", 100, Paid.CASH);
        int ann = t.join("Ann");
        int bob = t.join("Bob");
        t.accept(new BuyIn(ann, 1));
        t.accept(new BuyIn(bob, 1));
        t.accept(new CashOut(ann, 150));
        t.accept(new CashOut(bob, 50));
        t.accept(new CloseTable());
        assertThat(t.report().settlement().transfers())
                .containsExactly(
                        new Transfer(Party.BANK, Party.player(ann), usd(3000)),
                        new Transfer(Party.BANK, Party.player(bob), usd(1000)));
        t.accept(new MarkPaid(1));
        assertThat(t.report().bank()).isEqualTo(new BankBalance(usd(4000), usd(1000)));
    }

    @Test
    void playersCanBeRenamedEvenAfterCloseButNotToAnotherPlayersName() {
        TableDriver t = table("20", 100, Paid.CREDIT);
        int ann = t.join("Ann");
        t.join("Bob");
        t.accept(new Command.RenamePlayer(ann, "ann"));
        assertThat(t.table().player(ann).orElseThrow().name()).isEqualTo("ann");
        assertThat(t.reject(new Command.RenamePlayer(ann, "BOB"))).isEqualTo(new Rejection.DuplicatePlayerName("Bob"));
        t.accept(new CloseTable());
        t.accept(new Command.RenamePlayer(ann, "Annie"));
        assertThat(t.reject(new Command.RenamePlayer(7, "Zed"))).isEqualTo(new Rejection.UnknownPlayer(7));
    }

    @Test
    void savingAPlayersNameAndHandlesUnchangedRecordsNothing() {
        TableDriver t = table("20", 100, Paid.CREDIT);
        int ann = t.join("Ann");
        t.accept(new Command.SetPayHandles(ann, Map.of(PayApp.VENMO, "ann-v")));
        Table before = t.table();
        assertThat(CommandDecider.decide(Optional.of(before), new Command.RenamePlayer(ann, "Ann"), Instant.EPOCH))
                .isEqualTo(new Decision.Accepted(List.of()));
        assertThat(CommandDecider.decide(
                        Optional.of(before),
                        new Command.SetPayHandles(ann, Map.of(PayApp.VENMO, "ann-v")),
                        Instant.EPOCH))
                .isEqualTo(new Decision.Accepted(List.of()));
    }

    @Test
    void namesAreComparedInNfcSoADecomposedAccentIsTheSameName() {
        TableDriver t = table("20", 100, Paid.CREDIT);
        t.join("Zo\u00eb");
        assertThat(t.reject(new Command.AddPlayer("Zoe\u0308")))
                .isEqualTo(new Rejection.DuplicatePlayerName("Zo\u00eb"));
        int z = t.join("Ren\u0065\u0301");
        assertThat(t.table().player(z).orElseThrow().name()).isEqualTo("Ren\u00e9");
    }

    @Test
    void zeroWidthAndOtherInvisibleCharactersAreRefused() {
        TableDriver t = table("20", 100, Paid.CREDIT);
        t.join("Ann");
        for (String sneaky :
                List.of("An\u200Bn", "\u2060Ann", "Ann\uFEFF", "A\u00A0nn", "Ann\u3164", "An\u00ADn", "A\u200Dnn")) {
            assertThat(t.reject(new Command.AddPlayer(sneaky)))
                    .as(sneaky)
                    .isInstanceOf(Rejection.InvalidPlayerName.class);
        }
        assertThat(t.reject(new Command.AddPlayer("An\u200Bn")).message()).contains("invisible");
        t.join("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67");
        t.join("Jos\u00e9 \u2764\uFE0F");
    }

    @Test
    void payHandlesAreCheckedByEachServicesRule() {
        TableDriver t = table("20", 100, Paid.CREDIT);
        int ann = t.join("Ann");
        t.accept(new Command.SetPayHandles(
                ann,
                Map.of(
                        PayApp.VENMO,
                        "@ann-lee_1",
                        PayApp.CASH_APP,
                        " $AnnLee ",
                        PayApp.REVOLUT,
                        "AnnLee",
                        PayApp.PAYPAL,
                        "")));
        assertThat(t.table().player(ann).orElseThrow().payHandles())
                .isEqualTo(Map.of(PayApp.VENMO, "ann-lee_1", PayApp.CASH_APP, "AnnLee", PayApp.REVOLUT, "annlee"));
        assertThat(t.reject(new Command.SetPayHandles(ann, Map.of(PayApp.VENMO, "ann"))))
                .isEqualTo(new Rejection.InvalidPayHandle(PayApp.VENMO, "ann", PayApp.VENMO.ruleText()));
        assertThat(t.reject(new Command.SetPayHandles(ann, Map.of(PayApp.CASH_APP, "$12345"))))
                .isInstanceOf(Rejection.InvalidPayHandle.class);
        assertThat(t.reject(new Command.SetPayHandles(ann, Map.of(PayApp.PAYPAL, "ann/../evil")))
                        .message())
                .isEqualTo("\"ann/../evil\" is not a PayPal.me handle: it takes up to 20 letters and digits.");
        t.accept(new Command.SetPayHandles(ann, Map.of()));
        assertThat(t.table().player(ann).orElseThrow().payHandles()).isEmpty();
    }

    @Test
    void payLinksComeFromFixedTemplatesWithEveryPartEncoded() {
        Money amount = usd(1050);
        assertThat(PayLinks.forPayment(
                        Map.of(PayApp.VENMO, "ann-lee", PayApp.PAYPAL, "AnnLee", PayApp.CASH_APP, "AnnLee"),
                        amount,
                        "Fri & \"poker\" ♠"))
                .containsExactly(
                        new PayLinks.PayLink(
                                PayApp.VENMO,
                                "https://venmo.com/ann-lee?txn=pay&amount=10.50&note=Fri%20%26%20%22poker%22%20%E2%99%A0"),
                        new PayLinks.PayLink(PayApp.PAYPAL, "https://paypal.me/AnnLee/10.50USD"),
                        new PayLinks.PayLink(PayApp.CASH_APP, "https://cash.app/$AnnLee/10.50"));
        assertThat(PayLinks.forPayment(
                        Map.of(PayApp.MONZO, "annlee"),
                        new Money(1050, java.util.Currency.getInstance("GBP")),
                        "Quiz night"))
                .containsExactly(new PayLinks.PayLink(PayApp.MONZO, "https://monzo.me/annlee/10.50?d=Quiz%20night"));
        assertThat(PayLinks.forPayment(Map.of(), amount, "x")).isEmpty();
        assertThat(PayLinks.encode("a/b?c#d")).isEqualTo("a%2Fb%3Fc%23d");
    }

    @Test
    void aPaymentsLinksPayItsPayeeAndThePaymentToTheBankHasNone() {
        TableDriver t = table("20", 100, Paid.CASH);
        int ann = t.join("Ann");
        int bob = t.join("Bob");
        t.accept(new SetPayHandles(ann, Map.of(PayApp.VENMO, "@ann-lee")));
        t.accept(new SetPayHandles(bob, Map.of(PayApp.VENMO, "bob-lee")));
        t.accept(new BuyIn(ann, 1));
        t.accept(new BuyIn(bob, new BuyInSize.Count(1), CREDIT));
        t.accept(new CashOut(ann, 200));
        t.accept(new CloseTable());
        Payment bankPaysAnn = t.table().closing().orElseThrow().payments().stream()
                .filter(p -> p.from().equals(Party.BANK))
                .findFirst()
                .orElseThrow();
        assertThat(PayLinks.forPayment(t.table(), bankPaysAnn))
                .containsExactly(new PayLinks.PayLink(
                        PayApp.VENMO, "https://venmo.com/ann-lee?txn=pay&amount=20.00&note=Night"));
        assertThat(PayLinks.forPayment(
                        t.table(), new Payment(2, Party.player(ann), Party.BANK, usd(100), Optional.empty())))
                .isEmpty();
    }

    @Test
    void closeReopenAndMarksCarryTheirTime() {
        TableDriver t = earlyExit();
        Instant later = TableDriver.NOON.plusSeconds(60);
        Decision d = CommandDecider.decide(Optional.of(t.table()), new CloseTable(cashedOutBy(4)), later);
        Table closed = EventApplier.apply(
                Optional.of(t.table()), ((Decision.Accepted) d).events().getFirst());
        assertThat(closed.closing().orElseThrow().at()).isEqualTo(later);
        assertThat(closed.milestones().getLast())
                .isEqualTo(new Milestone(later, Milestone.Kind.CLOSED, Optional.empty()));
    }
}

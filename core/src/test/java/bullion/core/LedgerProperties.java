package bullion.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the core over random table nights, including nonsense commands. */
class LedgerProperties {

    /** A random table night: its settings and raw actions, interpreted against the table as it is then. */
    record Night(String currency, String price, long chipsPerBuyIn, Paid defaultPaid, List<int[]> actions) {}

    @Provide
    Arbitrary<Night> nights() {
        Arbitrary<String> currency = Arbitraries.of("USD", "JPY", "EUR", "BHD");
        Arbitrary<Integer> priceMinor = Arbitraries.integers().between(1, 50_000);
        Arbitrary<Long> chips = Arbitraries.longs().between(1, 1_000);
        Arbitrary<int[]> action = Combinators.combine(
                        Arbitraries.integers().between(0, 13),
                        Arbitraries.integers().between(-1, 8),
                        Arbitraries.integers().between(-5, 2_000))
                .as((kind, who, amount) -> new int[] {kind, who, amount});
        return Combinators.combine(
                        currency,
                        priceMinor,
                        chips,
                        Arbitraries.of(Paid.class),
                        action.list().ofMaxSize(60))
                .as((c, p, cpb, paid, actions) ->
                        new Night(c, BigDecimal.valueOf(p, digits(c)).toPlainString(), cpb, paid, actions));
    }

    private static int digits(String currency) {
        return java.util.Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** Plays a night, checking after every step that chips on the table never go below zero. */
    private static TableDriver play(Night night) {
        TableDriver t = new TableDriver();
        t.accept(new Command.OpenTable(
                "Night",
                night.currency(),
                new BigDecimal(night.price()),
                night.chipsPerBuyIn(),
                Optional.of(night.defaultPaid())));
        for (int[] a : night.actions()) {
            int players = t.table().players().size();
            int who = a[1] < 0 ? a[1] : (players == 0 ? 1 : a[1] % players + 1);
            Optional<Paid> paid = switch (Math.floorMod(a[2], 3)) {
                case 0 -> Optional.empty();
                case 1 -> Optional.of(Paid.CASH);
                default -> Optional.of(Paid.CREDIT);
            };
            Command command = switch (a[0]) {
                case 0 -> new Command.AddPlayer("P" + a[2]);
                case 1, 2 ->
                    new Command.BuyIn(who, new BuyInSize.Count(Math.floorMod(a[2], 4) + (a[2] < 0 ? -1 : 1)), paid);
                case 3 -> new Command.BuyIn(who, new BuyInSize.Chips(a[2]), paid);
                case 4, 5, 6 ->
                    new Command.CashOut(who, Math.min(a[2], t.table().chipsOnTable() + 3));
                case 7 -> new Command.VoidEntry(a[2] % (t.table().entries().size() + 2), Optional.of("r" + a[2]));
                case 8 -> new Command.CloseTable(missingChips(a[2], who));
                case 9 -> new Command.ReopenTable();
                case 10 -> new Command.MarkPaid(Math.floorMod(a[2], 5) + 1);
                case 11 -> new Command.UnmarkPaid(Math.floorMod(a[2], 5) + 1);
                case 12 -> new Command.RenamePlayer(who, "R" + a[2]);
                default -> new Command.SetPayHandles(who, Map.of(PayApp.VENMO, "user-" + a[2]));
            };
            t.decide(command);
            assertThat(t.table().chipsOnTable()).isNotNegative();
        }
        return t;
    }

    private static Optional<MissingChips> missingChips(int choice, int who) {
        return switch (Math.floorMod(choice, 3)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(new MissingChips.SharedBack());
            default -> Optional.of(new MissingChips.CashedOutBy(who));
        };
    }

    /** Takes every paid mark back and reopens a closed table, so it takes changes again. */
    private static TableDriver reopen(TableDriver t) {
        if (t.table().closed()) {
            for (Payment p : t.table().closing().orElseThrow().payments()) {
                if (p.paid()) {
                    t.accept(new Command.UnmarkPaid(p.n()));
                }
            }
            t.accept(new Command.ReopenTable());
        }
        return t;
    }

    /** Cashes out every chip still on the table so the night can be settled. */
    private static TableDriver finish(TableDriver t) {
        reopen(t);
        if (t.table().chipsOnTable() > 0) {
            int first = t.table().players().getFirst().id();
            t.accept(new Command.CashOut(first, t.table().chipsOnTable()));
        }
        return t;
    }

    @Property
    void replayingTheEventsRebuildsTheTable(@ForAll("nights") Night night) {
        TableDriver t = play(night);
        assertThat(EventApplier.replay(t.history())).contains(t.table());
    }

    /** After every event of any night, the running totals are what counting every entry afresh gives. */
    @Property
    void theRunningTotalsAlwaysEqualAFreshCountOfTheEntries(@ForAll("nights") Night night) {
        Optional<Table> table = Optional.empty();
        for (Event event : play(night).history()) {
            table = Optional.of(EventApplier.apply(table, event));
            assertTotalsAreAFreshCount(table.get());
        }
    }

    /**
     * Versions of one night share the ledger's array: an older table never sees a later entry, and a change made to
     * an older table (as a branch) shows only in the branch.
     */
    @Property(tries = 300)
    void everyVersionKeepsItsOwnEntriesWhenALaterOrABranchAppends(@ForAll("nights") Night night, @ForAll int pick) {
        List<Table> versions = new ArrayList<>();
        List<List<Entry>> seen = new ArrayList<>();
        Optional<Table> table = Optional.empty();
        for (Event event : play(night).history()) {
            table = Optional.of(EventApplier.apply(table, event));
            versions.add(table.get());
            seen.add(List.copyOf(table.get().entries()));
        }
        Table older = versions.get(Math.floorMod(pick, versions.size()));
        Table branch = older;
        if (!older.players().isEmpty()) {
            int who = older.players().getFirst().id();
            branch = EventApplier.apply(
                    Optional.of(older),
                    new Event.BoughtChips(
                            older.nextSeq(),
                            TableDriver.NOON,
                            who,
                            older.settings().chipStep(),
                            Paid.CASH));
            branch = EventApplier.apply(
                    Optional.of(branch), new Event.CashedOut(branch.nextSeq(), TableDriver.NOON, who, 1));
            branch = EventApplier.apply(
                    Optional.of(branch), new Event.EntryVoided(older.nextSeq() + 1, TableDriver.NOON, "b"));
            assertThat(branch.entries()).hasSize(older.entries().size() + 2);
            assertThat(branch.entries().subList(0, older.entries().size())).isEqualTo(older.entries());
            assertThat(branch.entries().getLast().voided()).isTrue();
            assertTotalsAreAFreshCount(branch);
        }
        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i).entries()).isEqualTo(seen.get(i));
            assertTotalsAreAFreshCount(versions.get(i));
        }
    }

    /** The table's totals, the ledger's per-player totals and the report's numbers, against a count of every entry. */
    private static void assertTotalsAreAFreshCount(Table table) {
        TableTerms s = table.settings();
        Money zero = Money.zero(s.currency());
        long bought = 0;
        long cashed = 0;
        Money in = zero;
        Map<Integer, long[]> chips = new HashMap<>();
        Map<Integer, Money[]> money = new HashMap<>();
        for (Entry e : table.entries()) {
            long[] c = chips.computeIfAbsent(e.playerId(), id -> new long[3]);
            Money[] m = money.computeIfAbsent(e.playerId(), id -> new Money[] {zero, zero});
            if (!e.counts()) {
                continue;
            }
            if (e.kind() == Entry.Kind.BUY_IN) {
                bought += e.chips(s.chipsPerBuyIn());
                in = in.plus(e.amount(s).orElseThrow());
                c[0] += e.buyIns();
                c[1] += e.chips(s.chipsPerBuyIn());
                m[0] = m[0].plus(e.amount(s).orElseThrow());
                m[1] = m[1].plus(e.cash(s));
            } else {
                cashed += e.quantity();
                c[2] += e.quantity();
            }
        }
        assertThat(table.chipsBought()).isEqualTo(bought);
        assertThat(table.chipsCashedOut()).isEqualTo(cashed);
        assertThat(table.chipsOnTable()).isEqualTo(bought - cashed);
        assertThat(table.moneyIn()).isEqualTo(in);
        Ledger counted = Ledger.of(new ArrayList<>(table.entries()));
        assertThat(table.ledger().total()).isEqualTo(counted.total());
        assertThat(table.ledger().playerIds()).containsExactly(counted.playerIds());
        for (int id : counted.playerIds()) {
            assertThat(table.ledger().tallyOf(id)).isEqualTo(counted.tallyOf(id));
        }
        TableReport r = TableReport.of(table);
        assertThat(r.totals())
                .isEqualTo(new Totals(
                        bought, cashed, bought - cashed, in, r.totals().moneyOut()));
        Money cashIn = zero;
        for (PlayerBalance b : r.players()) {
            long[] c = chips.getOrDefault(b.player().id(), new long[3]);
            Money[] m = money.getOrDefault(b.player().id(), new Money[] {zero, zero});
            assertThat(new long[] {b.buyIns(), b.chipsBought(), b.chipsCashedOut()})
                    .containsExactly(c);
            assertThat(b.paidIn()).isEqualTo(m[0]);
            assertThat(b.paidCash()).isEqualTo(m[1]);
            cashIn = cashIn.plus(m[1]);
        }
        assertThat(r.bank().cashIn()).isEqualTo(cashIn);
    }

    @Property
    void netsAlwaysSumToTheTableTotalAndStayWithinOneMinorUnitOfExact(@ForAll("nights") Night night) {
        TableDriver t = play(night);
        TableReport r = t.report();
        long played = r.players().stream().mapToLong(b -> b.playedNet().minor()).sum();
        assertThat(played)
                .isEqualTo(r.totals().moneyOut().minor() - r.totals().moneyIn().minor());
        long adjusted = r.players().stream().mapToLong(b -> b.net().minor()).sum();
        assertThat(adjusted).isEqualTo(t.table().closed() ? 0 : played);
        TableTerms s = t.table().settings();
        for (PlayerBalance b : r.players()) {
            BigInteger exactTimesChips = BigInteger.valueOf(b.chipsCashedOut() - b.chipsBought())
                    .multiply(BigInteger.valueOf(s.buyIn().minor()));
            BigInteger roundedTimesChips =
                    BigInteger.valueOf(b.playedNet().minor()).multiply(BigInteger.valueOf(s.chipsPerBuyIn()));
            assertThat(roundedTimesChips.subtract(exactTimesChips).abs())
                    .isLessThan(BigInteger.valueOf(s.chipsPerBuyIn()));
            assertThat(b.cashedOutValue().minor()).isNotNegative();
        }
    }

    /** What each party receives minus what it pays in the listed payments. */
    private static Map<Party, Long> received(Settlement s) {
        Map<Party, Long> received = new HashMap<>();
        for (Transfer transfer : s.transfers()) {
            assertThat(transfer.amount().minor()).isPositive();
            assertThat(transfer.from()).isNotEqualTo(transfer.to());
            received.merge(transfer.from(), -transfer.amount().minor(), Long::sum);
            received.merge(transfer.to(), transfer.amount().minor(), Long::sum);
        }
        return received;
    }

    /** Every party's position (players' adjusted net plus cash paid in; the bank's minus its cash) is what it gets. */
    private static void assertPaymentsSquareEveryParty(TableReport r) {
        Map<Party, Long> received = received(r.settlement());
        long sum = 0;
        for (SettleUp.Position p : r.positions()) {
            assertThat(received.getOrDefault(p.party(), 0L))
                    .as("received by " + p.party())
                    .isEqualTo(p.minor());
            sum += p.minor();
        }
        assertThat(sum).as("positions including the bank").isZero();
        for (PlayerBalance b : r.players()) {
            assertThat(b.net())
                    .isEqualTo(b.cashedOutValue().plus(b.adjustment()).minus(b.paidIn()));
        }
    }

    @Property
    void positionsIncludingTheBankSumToZeroAndThePaymentsSquareEveryParty(@ForAll("nights") Night night) {
        TableDriver t = play(night);
        if (t.table().players().isEmpty()) {
            return;
        }
        TableReport r = finish(t).report();
        assertThat(r.totals().chipsOnTable()).isZero();
        Settlement s = r.settlement();
        assertThat(s.complete()).isTrue();
        assertPaymentsSquareEveryParty(r);
        long cashIn = r.players().stream().mapToLong(b -> b.paidCash().minor()).sum();
        assertThat(r.bank().cashIn().minor()).isEqualTo(cashIn);
        assertThat(s.transfers().size()).isLessThanOrEqualTo(r.players().size());
    }

    @Property
    void aCloseWithChipsOutSquaresEveryPartyWhicheverWayTheyAreCounted(
            @ForAll("nights") Night night, @ForAll boolean cashedOut, @ForAll int who) {
        TableDriver t = reopen(play(night));
        if (t.table().players().isEmpty() || t.table().chipsOnTable() == 0) {
            return;
        }
        long out = t.table().chipsOnTable();
        assertThat(t.reject(new Command.CloseTable())).isInstanceOf(Rejection.MissingChipsUnaccounted.class);
        int holder = t.table()
                .players()
                .get(Math.floorMod(who, t.table().players().size()))
                .id();
        MissingChips how = cashedOut ? new MissingChips.CashedOutBy(holder) : new MissingChips.SharedBack();
        t.accept(new Command.CloseTable(Optional.of(how)));
        TableReport r = t.report();
        Settlement s = r.settlement();
        assertThat(s.complete()).isTrue();
        assertThat(s.discrepancy().orElseThrow().missingChips()).isEqualTo(out);
        long adjusted =
                r.players().stream().mapToLong(b -> b.adjustment().minor()).sum();
        assertThat(adjusted).isEqualTo(s.discrepancy().orElseThrow().value().minor());
        assertThat(r.players().stream().mapToLong(b -> b.net().minor()).sum()).isZero();
        assertPaymentsSquareEveryParty(r);
        assertThat(t.table().status()).isEqualTo(s.payments().isEmpty() ? TableStatus.SETTLED : TableStatus.CLOSED);
        // Marking every payment settles the table and empties the bank; reopening waits until the marks are undone.
        for (Payment p : s.payments()) {
            t.accept(new Command.MarkPaid(p.n()));
        }
        assertThat(t.table().status()).isEqualTo(TableStatus.SETTLED);
        assertThat(t.report().bank().cashHeld().minor()).isZero();
        if (!s.payments().isEmpty()) {
            assertThat(t.reject(new Command.ReopenTable())).isInstanceOf(Rejection.PaymentsMarkedPaid.class);
        }
        assertThat(EventApplier.replay(t.history())).contains(t.table());
    }

    @Provide
    Arbitrary<long[]> smallZeroSumNets() {
        return Arbitraries.longs()
                .between(-50, 50)
                .array(long[].class)
                .ofMinSize(1)
                .ofMaxSize(10)
                .map(values -> {
                    long[] nets = java.util.Arrays.copyOf(values, values.length + 1);
                    nets[values.length] = -java.util.Arrays.stream(values).sum();
                    return nets;
                });
    }

    @Property
    void settleUpUsesTheFewestPossiblePayments(@ForAll("smallZeroSumNets") long[] minors) {
        List<SettleUp.Net> nets = new ArrayList<>();
        List<Long> nonZero = new ArrayList<>();
        for (int i = 0; i < minors.length; i++) {
            nets.add(new SettleUp.Net(i + 1, minors[i]));
            if (minors[i] != 0) {
                nonZero.add(minors[i]);
            }
        }
        int fewest = nonZero.size() - mostZeroSumGroups(nonZero);
        assertThat(SettleUp.transfers(nets, SettleUpTest.USD)).hasSize(fewest);
    }

    @Provide
    Arbitrary<List<SettleUp.Position>> positions() {
        return Arbitraries.integers()
                .between(2, 16)
                .flatMap(n -> Arbitraries.longs()
                        .between(-30, 30)
                        .filter(v -> v != 0)
                        .list()
                        .ofSize(n - 1)
                        .map(values -> {
                            List<SettleUp.Position> positions = new ArrayList<>();
                            long sum = 0;
                            for (int i = 0; i < values.size(); i++) {
                                positions.add(new SettleUp.Position(Party.player(i + 1), values.get(i)));
                                sum += values.get(i);
                            }
                            positions.add(new SettleUp.Position(Party.BANK, -sum));
                            return positions;
                        }));
    }

    /** The search over zero-sum subsets and the subset DP are two exact roads: they must find as many groups. */
    @Property(tries = 300)
    void theSearchFindsAsManyGroupsAsTheSubsetDp(@ForAll("positions") List<SettleUp.Position> positions) {
        List<SettleUp.Position> open =
                positions.stream().filter(p -> p.minor() != 0).toList();
        List<List<SettleUp.Position>> searched = SettleUp.zeroSumGroups(open, false);
        List<List<SettleUp.Position>> byDp = SettleUp.zeroSumGroups(open, true);
        assertThat(searched).hasSameSizeAs(byDp);
        for (List<SettleUp.Position> group : searched) {
            assertThat(group.stream().mapToLong(SettleUp.Position::minor).sum()).isZero();
        }
        assertThat(searched.stream().mapToInt(List::size).sum()).isEqualTo(open.size());
    }

    @Provide
    Arbitrary<List<SettleUp.Position>> twentyFourParties() {
        Arbitrary<Long> amount = Arbitraries.oneOf(
                Arbitraries.longs().between(-20_000, 20_000),
                Arbitraries.longs().between(-200, 200).map(v -> v * 100),
                Arbitraries.longs().between(-40, 40).map(v -> v * 500));
        return amount.filter(v -> v != 0).list().ofSize(23).map(values -> {
            List<SettleUp.Position> positions = new ArrayList<>();
            long sum = 0;
            for (int i = 0; i < values.size(); i++) {
                positions.add(new SettleUp.Position(Party.player(i + 1), values.get(i)));
                sum += values.get(i);
            }
            positions.add(new SettleUp.Position(Party.BANK, sum == 0 ? 1 : -sum));
            if (sum == 0) {
                positions.set(0, new SettleUp.Position(Party.player(1), values.get(0) - 1));
            }
            return positions;
        });
    }

    /** Twenty-four parties are settled exactly (within the limit) and every party squares. */
    @Property(tries = 15)
    void twentyFourPartiesSettleExactly(@ForAll("twentyFourParties") List<SettleUp.Position> positions) {
        List<Transfer> plan = SettleUp.plan(positions, SettleUpTest.USD);
        Map<Party, Long> balance = new HashMap<>();
        positions.forEach(p -> balance.merge(p.party(), p.minor(), Long::sum));
        for (Transfer t : plan) {
            balance.merge(t.from(), t.amount().minor(), Long::sum);
            balance.merge(t.to(), -t.amount().minor(), Long::sum);
        }
        assertThat(balance.values()).allMatch(v -> v == 0);
        long nonZero = positions.stream().filter(p -> p.minor() != 0).count();
        assertThat(plan.size()).isLessThanOrEqualTo((int) nonZero - 1);
    }

    /** Brute force, independent of the DP: try every zero-sum group holding the first value. */
    private static int mostZeroSumGroups(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        int rest = values.size() - 1;
        int best = 0;
        for (int pick = 0; pick < (1 << rest); pick++) {
            long sum = values.get(0);
            List<Long> others = new ArrayList<>();
            for (int i = 0; i < rest; i++) {
                if ((pick & (1 << i)) != 0) {
                    sum += values.get(i + 1);
                } else {
                    others.add(values.get(i + 1));
                }
            }
            if (sum == 0) {
                best = Math.max(best, 1 + mostZeroSumGroups(others));
            }
        }
        return best;
    }

    @Provide
    Arbitrary<List<Command>> anyCommands() {
        return anyCommand().list().ofMaxSize(20);
    }

    private Arbitrary<Command> anyCommand() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(100), Arbitraries.just(null));
        Arbitrary<Long> number =
                Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-3, 300));
        Arbitrary<Integer> id = Arbitraries.integers().between(-2, 5);
        Arbitrary<BigDecimal> price = Arbitraries.oneOf(Arbitraries.bigDecimals(), Arbitraries.just(null));
        return Arbitraries.oneOf(
                Combinators.combine(text, text, price, number).as(Command.OpenTable::new),
                text.map(Command.AddPlayer::new),
                Combinators.combine(id, number).as(Command.BuyIn::new),
                Combinators.combine(id, number, Arbitraries.of(Paid.class).optional())
                        .as((p, chips, paid) -> new Command.BuyIn(p, new BuyInSize.Chips(chips), paid)),
                Combinators.combine(id, text).as(Command.RenamePlayer::new),
                Combinators.combine(id, text)
                        .as((p, h) -> new Command.SetPayHandles(p, h == null ? Map.of() : Map.of(PayApp.CASH_APP, h))),
                id.map(Command.MarkPaid::new),
                id.map(Command.UnmarkPaid::new),
                id.map(p -> new Command.CloseTable(Optional.of(new MissingChips.CashedOutBy(p)))),
                Combinators.combine(id, number).as(Command.CashOut::new),
                Combinators.combine(id, text).as((s, r) -> new Command.VoidEntry(s, Optional.ofNullable(r))),
                Arbitraries.just(new Command.CloseTable()),
                Arbitraries.just(new Command.ReopenTable()));
    }

    @Property
    void decideNeverThrowsAndARejectionChangesNothing(
            @ForAll("nights") Night night, @ForAll("anyCommands") List<Command> commands) {
        TableDriver t = play(night);
        for (Command command : commands) {
            Table before = t.table();
            Decision decision = t.decide(command);
            if (decision instanceof Decision.Rejected rejected) {
                assertThat(t.table()).isSameAs(before);
                assertThat(rejected.why().message()).isNotBlank();
            }
        }
        assertThat(CommandDecider.decide(Optional.empty(), new Command.BuyIn(1, 1), TableDriver.NOON))
                .isInstanceOf(Decision.Rejected.class);
    }
}

package bullion.core;

import java.lang.ref.WeakReference;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/**
 * Every number a person sees about a table, derived purely from it: balances, totals, the bank's cash and the
 * settle-up. A closed table's payments come frozen from the table; an open one's are worked out by
 * {@link SettleUp}, which remembers recent answers, so reading a table again does not search again.
 */
public record TableReport(List<PlayerBalance> players, Totals totals, Settlement settlement, BankBalance bank) {

    public TableReport {
        players = List.copyOf(players);
    }

    /**
     * The report of {@code table}. A table is an immutable value and the report a pure function of it, so the
     * latest reports are remembered by the table's identity: every read of one version after the first (a page, the
     * API, each live viewer after a change) gets the same report without working it out again.
     */
    public static TableReport of(Table table) {
        int slot = System.identityHashCode(table) & (RECENT.length() - 1);
        Remembered known = RECENT.get(slot);
        if (known != null && known.table().refersTo(table)) {
            return known.report();
        }
        TableReport report = of(table, table.closing().map(Closing::missingChips));
        RECENT.set(slot, new Remembered(new WeakReference<>(table), report));
        return report;
    }

    /**
     * The latest reports, one per slot by the table's identity hash: a lookup is a few loads, a miss only costs the
     * work. Weak, so a remembered report never keeps an old table alive.
     */
    private static final AtomicReferenceArray<Remembered> RECENT = new AtomicReferenceArray<>(256);

    private record Remembered(WeakReference<Table> table, TableReport report) {}

    /**
     * The report as it would be if the table closed now with {@code missingChips} said: the decider freezes this
     * report's payments when it closes the table.
     */
    static TableReport of(Table table, Optional<MissingChips> missingChips) {
        TableTerms settings = table.settings();
        BigInteger price = BigInteger.valueOf(settings.buyIn().minor());
        BigInteger chipsPerBuyIn = BigInteger.valueOf(settings.chipsPerBuyIn());
        List<Player> players = table.players();
        int n = players.size();

        // One pass over the players: the ledger keeps each one's totals, so no entry is read here.
        Ledger ledger = table.ledger();
        long[] buyIns = new long[n];
        long[] bought = new long[n];
        long[] cashed = new long[n];
        long[] sinceCashOut = new long[n];
        Money[] paidIn = new Money[n];
        Money[] paidCash = new Money[n];
        for (int i = 0; i < n; i++) {
            Ledger.Tally tally = ledger.tallyOf(players.get(i).id());
            buyIns[i] = tally.buyIns();
            bought[i] = tally.chipsBought(settings.chipsPerBuyIn());
            cashed[i] = tally.chipsCashedOut();
            paidIn[i] = tally.paidIn(settings);
            paidCash[i] = tally.paidCash(settings);
        }
        requireKnownPlayers(ledger, players);
        chipsBoughtSinceLastCashOut(table, players, sinceCashOut);

        long chipsBought = table.chipsBought();
        long chipsCashedOut = table.chipsCashedOut();
        Money moneyIn = table.moneyIn();
        long moneyOutMinor =
                LargestRemainder.roundHalfUp(BigInteger.valueOf(chipsCashedOut).multiply(price), chipsPerBuyIn);
        Money moneyOut = new Money(moneyOutMinor, settings.currency());

        // Exact nets in units of 1/chipsPerBuyIn of a minor unit: chips out are worth chips × price / chipsPerBuyIn.
        BigInteger[] exactNets = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            exactNets[i] = BigInteger.valueOf(cashed[i])
                    .multiply(price)
                    .subtract(BigInteger.valueOf(paidIn[i].minor()).multiply(chipsPerBuyIn));
        }
        long[] nets = NetRounding.round(
                exactNets, chipsPerBuyIn, moneyOut.minus(moneyIn).minor());

        long playing = Arrays.stream(sinceCashOut).filter(c -> c > 0).count();
        Totals totals = new Totals(chipsBought, chipsCashedOut, table.chipsOnTable(), moneyIn, moneyOut);
        Money missing = moneyIn.minus(moneyOut);
        Optional<MissingChips> settled = totals.chipsOnTable() == 0 ? Optional.<MissingChips>empty() : missingChips;
        long[] adjustments = settled.map(how -> adjustments(how, players, bought, missing.minor()))
                .orElse(new long[n]);

        List<PlayerBalance> balances = new ArrayList<>(n);
        Money cashIn = Money.zero(settings.currency());
        for (int i = 0; i < n; i++) {
            Money adjustment = new Money(adjustments[i], settings.currency());
            Money net = new Money(nets[i], settings.currency()).plus(adjustment);
            Money cashedOutValue = new Money(nets[i], settings.currency()).plus(paidIn[i]);
            long inFront = sinceCashOut[i] == 0
                    ? 0
                    : playing == 1 ? totals.chipsOnTable() : Math.min(sinceCashOut[i], totals.chipsOnTable());
            balances.add(new PlayerBalance(
                    players.get(i),
                    buyIns[i],
                    bought[i],
                    cashed[i],
                    bought[i] - cashed[i],
                    paidIn[i],
                    cashedOutValue,
                    net,
                    paidCash[i],
                    adjustment,
                    inFront));
            cashIn = cashIn.plus(paidCash[i]);
        }

        Settlement settlement;
        if (table.closing().isPresent()) {
            settlement = new Settlement(
                    true,
                    table.closing().get().payments(),
                    settled.map(how -> new Discrepancy(totals.chipsOnTable(), missing, how)));
        } else if (totals.chipsOnTable() == 0 || missingChips.isPresent()) {
            settlement = new Settlement(
                    true,
                    plan(balances, cashIn),
                    settled.map(how -> new Discrepancy(totals.chipsOnTable(), missing, how)));
        } else {
            settlement = Settlement.pending();
        }
        return new TableReport(balances, totals, settlement, bank(cashIn, settlement));
    }

    public Optional<PlayerBalance> balanceOf(int playerId) {
        return players.stream().filter(b -> b.player().id() == playerId).findFirst();
    }

    /** Every party's position, players in joining order, then the bank: they add up to zero once complete. */
    public List<SettleUp.Position> positions() {
        return positions(players, bank.cashIn());
    }

    private static List<SettleUp.Position> positions(List<PlayerBalance> balances, Money cashIn) {
        List<SettleUp.Position> positions = new ArrayList<>();
        for (PlayerBalance b : balances) {
            positions.add(new SettleUp.Position(
                    new Party.Player(b.player().id()), b.position().minor()));
        }
        positions.add(new SettleUp.Position(Party.BANK, cashIn.negate().minor()));
        return positions;
    }

    private static List<Payment> plan(List<PlayerBalance> balances, Money cashIn) {
        List<Transfer> transfers = SettleUp.plan(positions(balances, cashIn), cashIn.currency());
        return IntStream.range(0, transfers.size())
                .mapToObj(i -> new Payment(
                        i + 1,
                        transfers.get(i).from(),
                        transfers.get(i).to(),
                        transfers.get(i).amount(),
                        Optional.empty()))
                .toList();
    }

    /** The bank holds the cash it took in, less what it has paid out and plus what it has been paid, as marked. */
    private static BankBalance bank(Money cashIn, Settlement settlement) {
        Money held = cashIn;
        for (Payment p : settlement.payments()) {
            if (p.paid() && p.from() instanceof Party.Bank) {
                held = held.minus(p.amount());
            } else if (p.paid() && p.to() instanceof Party.Bank) {
                held = held.plus(p.amount());
            }
        }
        return new BankBalance(cashIn, held);
    }

    /**
     * The money of chips still out, per player: all of it to the one who cashed them out, or shared back in
     * proportion to the chips each bought (largest remainder, ties in joining order).
     */
    private static long[] adjustments(MissingChips how, List<Player> players, long[] bought, long missingMinor) {
        long[] result = new long[players.size()];
        switch (how) {
            case MissingChips.CashedOutBy c -> result[indexOf(players, c.playerId())] = missingMinor;
            case MissingChips.SharedBack s -> {
                BigInteger chipsBought =
                        BigInteger.valueOf(Arrays.stream(bought).sum());
                BigInteger[] shares = Arrays.stream(bought)
                        .mapToObj(b -> BigInteger.valueOf(missingMinor).multiply(BigInteger.valueOf(b)))
                        .toArray(BigInteger[]::new);
                return LargestRemainder.apportion(shares, chipsBought, missingMinor);
            }
        }
        return result;
    }

    /** Every entry belongs to a player at the table: a table that says otherwise is a bug, not a report. */
    private static void requireKnownPlayers(Ledger ledger, List<Player> players) {
        int found = 0;
        for (Player p : players) {
            found += ledger.hasEntriesOf(p.id()) ? 1 : 0;
        }
        if (found == ledger.playerCount()) {
            return;
        }
        Set<Integer> known = new HashSet<>();
        for (Player p : players) {
            known.add(p.id());
        }
        for (int id : ledger.playerIds()) {
            if (!known.contains(id)) {
                throw new IllegalStateException("entry for unknown player " + id);
            }
        }
    }

    /**
     * Each player's chips bought after their last cash-out (zero once they have cashed out after their last buy-in).
     * The ledger's totals cannot say this (a voided cash-out brings earlier buy-ins back), so the entries are read
     * from the newest back, stopping once every player's last cash-out is found: at the end of a night, where it
     * matters, that is a few entries; the report is computed once per table version.
     */
    private static void chipsBoughtSinceLastCashOut(Table table, List<Player> players, long[] sinceCashOut) {
        boolean[] found = new boolean[players.size()];
        int left = players.size();
        List<Entry> entries = table.entries();
        for (int k = entries.size() - 1; k >= 0 && left > 0; k--) {
            Entry entry = entries.get(k);
            int i = indexOf(players, entry.playerId());
            if (!entry.counts() || found[i]) {
                continue;
            }
            if (entry.kind() == Entry.Kind.BUY_IN) {
                sinceCashOut[i] += entry.chips(table.settings().chipsPerBuyIn());
            } else {
                found[i] = true;
                left--;
            }
        }
    }

    private static int indexOf(List<Player> players, int playerId) {
        // Players get ids 1, 2, 3… in joining order and never leave, so the id is the index plus one.
        if (playerId >= 1
                && playerId <= players.size()
                && players.get(playerId - 1).id() == playerId) {
            return playerId - 1;
        }
        for (int i = 0; i < players.size(); i++) {
            if (players.get(i).id() == playerId) {
                return i;
            }
        }
        throw new IllegalStateException("entry for unknown player " + playerId);
    }
}

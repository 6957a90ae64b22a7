package bullion.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

  public static TableReport of(Table table) {
    return of(table, table.closing().map(Closing::missingChips));
  }

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

    long[] buyIns = new long[n];
    long[] bought = new long[n];
    long[] cashed = new long[n];
    long[] sinceCashOut = new long[n];
    Money[] paidIn = new Money[n];
    Money[] paidCash = new Money[n];
    for (int i = 0; i < n; i++) {
      paidIn[i] = Money.zero(settings.currency());
      paidCash[i] = Money.zero(settings.currency());
    }
    for (Entry entry : table.entries()) {
      int i = indexOf(players, entry.playerId());
      if (!entry.counts()) {
        continue;
      }
      if (entry.kind() == Entry.Kind.BUY_IN) {
        buyIns[i] += entry.buyIns();
        bought[i] += entry.chips(settings.chipsPerBuyIn());
        sinceCashOut[i] += entry.chips(settings.chipsPerBuyIn());
        paidIn[i] = paidIn[i].plus(entry.amount(settings).orElseThrow());
        paidCash[i] = paidCash[i].plus(entry.cash(settings));
      } else {
        cashed[i] += entry.quantity();
        sinceCashOut[i] = 0;
      }
    }

    long chipsBought = table.chipsBought();
    long chipsCashedOut = table.chipsCashedOut();
    Money moneyIn = table.moneyIn();
    long moneyOutMinor = LargestRemainder.roundHalfUp(BigInteger.valueOf(chipsCashedOut).multiply(price), chipsPerBuyIn);
    Money moneyOut = new Money(moneyOutMinor, settings.currency());

    // Exact nets in units of 1/chipsPerBuyIn of a minor unit: chips out are worth chips × price / chipsPerBuyIn.
    BigInteger[] exactNets = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      exactNets[i] = BigInteger.valueOf(cashed[i]).multiply(price)
          .subtract(BigInteger.valueOf(paidIn[i].minor()).multiply(chipsPerBuyIn));
    }
    long[] nets = NetRounding.round(exactNets, chipsPerBuyIn, moneyOut.minus(moneyIn).minor());

    long playing = Arrays.stream(sinceCashOut).filter(c -> c > 0).count();
    Totals totals = new Totals(chipsBought, chipsCashedOut, table.chipsOnTable(), moneyIn, moneyOut);
    Money missing = moneyIn.minus(moneyOut);
    Optional<MissingChips> settled = totals.chipsOnTable() == 0 ? Optional.<MissingChips>empty() : missingChips;
    long[] adjustments = settled.map(how -> adjustments(how, players, bought, missing.minor())).orElse(new long[n]);

    List<PlayerBalance> balances = new ArrayList<>(n);
    Money cashIn = Money.zero(settings.currency());
    for (int i = 0; i < n; i++) {
      Money adjustment = new Money(adjustments[i], settings.currency());
      Money net = new Money(nets[i], settings.currency()).plus(adjustment);
      Money cashedOutValue = new Money(nets[i], settings.currency()).plus(paidIn[i]);
      long inFront = sinceCashOut[i] == 0 ? 0
          : playing == 1 ? totals.chipsOnTable() : Math.min(sinceCashOut[i], totals.chipsOnTable());
      balances.add(new PlayerBalance(players.get(i), buyIns[i], bought[i], cashed[i], bought[i] - cashed[i], paidIn[i],
          cashedOutValue, net, paidCash[i], adjustment, inFront));
      cashIn = cashIn.plus(paidCash[i]);
    }

    Settlement settlement;
    if (table.closing().isPresent()) {
      settlement = new Settlement(true, table.closing().get().payments(),
          settled.map(how -> new Discrepancy(totals.chipsOnTable(), missing, how)));
    } else if (totals.chipsOnTable() == 0 || missingChips.isPresent()) {
      settlement = new Settlement(true, plan(balances, cashIn),
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
      positions.add(new SettleUp.Position(new Party.Player(b.player().id()), b.position().minor()));
    }
    positions.add(new SettleUp.Position(Party.BANK, cashIn.negate().minor()));
    return positions;
  }

  private static List<Payment> plan(List<PlayerBalance> balances, Money cashIn) {
    List<Transfer> transfers = SettleUp.plan(positions(balances, cashIn), cashIn.currency());
    return IntStream.range(0, transfers.size())
        .mapToObj(i -> new Payment(i + 1, transfers.get(i).from(), transfers.get(i).to(), transfers.get(i).amount(),
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
        BigInteger chipsBought = BigInteger.valueOf(Arrays.stream(bought).sum());
        BigInteger[] shares = Arrays.stream(bought)
            .mapToObj(b -> BigInteger.valueOf(missingMinor).multiply(BigInteger.valueOf(b)))
            .toArray(BigInteger[]::new);
        return LargestRemainder.apportion(shares, chipsBought, missingMinor);
      }
    }
    return result;
  }

  private static int indexOf(List<Player> players, int playerId) {
    for (int i = 0; i < players.size(); i++) {
      if (players.get(i).id() == playerId) {
        return i;
      }
    }
    throw new IllegalStateException("entry for unknown player " + playerId);
  }
}

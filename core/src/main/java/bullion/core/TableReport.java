package bullion.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every number a person sees about a table, derived purely from it: balances, totals and the settle-up. */
public record TableReport(List<PlayerBalance> players, Totals totals, Settlement settlement) {

  public TableReport {
    players = List.copyOf(players);
  }

  public static TableReport of(Table table) {
    TableTerms settings = table.settings();
    BigInteger price = BigInteger.valueOf(settings.buyIn().minor());
    BigInteger chipsPerBuyIn = BigInteger.valueOf(settings.chipsPerBuyIn());
    List<Player> players = table.players();
    int n = players.size();

    long[] buyIns = new long[n];
    long[] cashed = new long[n];
    for (Entry entry : table.entries()) {
      int i = indexOf(players, entry.playerId());
      if (entry.counts() && entry.kind() == Entry.Kind.BUY_IN) {
        buyIns[i] += entry.quantity();
      } else if (entry.counts()) {
        cashed[i] += entry.quantity();
      }
    }

    long chipsBought = table.chipsBought();
    long chipsCashedOut = table.chipsCashedOut();
    Money moneyIn = settings.buyIn().times(chipsBought / settings.chipsPerBuyIn());
    long moneyOutMinor = LargestRemainder.roundHalfUp(BigInteger.valueOf(chipsCashedOut).multiply(price), chipsPerBuyIn);
    Money moneyOut = new Money(moneyOutMinor, settings.currency());

    // Exact nets in units of 1/chipsPerBuyIn of a minor unit: chips out are worth chips × price / chipsPerBuyIn.
    BigInteger[] exactNets = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      exactNets[i] = BigInteger.valueOf(cashed[i]).subtract(BigInteger.valueOf(buyIns[i]).multiply(chipsPerBuyIn))
          .multiply(price);
    }
    long[] nets = NetRounding.round(exactNets, chipsPerBuyIn, moneyOut.minus(moneyIn).minor());

    List<PlayerBalance> balances = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Money paidIn = settings.buyIn().times(buyIns[i]);
      Money net = new Money(nets[i], settings.currency());
      long bought = buyIns[i] * settings.chipsPerBuyIn();
      balances.add(new PlayerBalance(players.get(i), buyIns[i], bought, cashed[i], bought - cashed[i], paidIn,
          net.plus(paidIn), net));
    }
    Totals totals = new Totals(chipsBought, chipsCashedOut, table.chipsOnTable(), moneyIn, moneyOut);
    return new TableReport(balances, totals, settle(table, balances, totals));
  }

  public Optional<PlayerBalance> balanceOf(int playerId) {
    return players.stream().filter(b -> b.player().id() == playerId).findFirst();
  }

  private static Settlement settle(Table table, List<PlayerBalance> balances, Totals totals) {
    if (totals.chipsOnTable() == 0) {
      return new Settlement(true, SettleUp.transfers(nets(balances, new long[balances.size()]), table.settings().currency()),
          Optional.empty());
    }
    if (!table.closed()) {
      return Settlement.pending();
    }
    Money missing = totals.moneyIn().minus(totals.moneyOut());
    long[] refunds = refunds(balances, missing.minor());
    return new Settlement(true, SettleUp.transfers(nets(balances, refunds), table.settings().currency()),
        Optional.of(new Discrepancy(totals.chipsOnTable(), missing)));
  }

  /** The money of missing chips goes back to the players in proportion to the chips each bought. */
  private static long[] refunds(List<PlayerBalance> balances, long missingMinor) {
    BigInteger chipsBought = BigInteger.valueOf(balances.stream().mapToLong(PlayerBalance::chipsBought).sum());
    BigInteger[] shares = balances.stream()
        .map(b -> BigInteger.valueOf(missingMinor).multiply(BigInteger.valueOf(b.chipsBought())))
        .toArray(BigInteger[]::new);
    return LargestRemainder.apportion(shares, chipsBought, missingMinor);
  }

  private static List<SettleUp.Net> nets(List<PlayerBalance> balances, long[] adjustments) {
    List<SettleUp.Net> nets = new ArrayList<>(balances.size());
    for (int i = 0; i < balances.size(); i++) {
      nets.add(new SettleUp.Net(balances.get(i).player().id(), balances.get(i).net().minor() + adjustments[i]));
    }
    return nets;
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

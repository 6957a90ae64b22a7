package bullion.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * The fewest payments that square everyone, given nets that add up to zero.
 *
 * <p>A group of k players whose nets add up to zero can always be squared with k - 1 payments, and no set of
 * payments does better than (players - groups) for the groups it leaves untouched by others. So the fewest
 * payments come from splitting the players into as many zero-sum groups as possible. That is found exactly
 * by dynamic programming over subsets for up to {@value #EXACT_LIMIT} players with a non-zero net; beyond
 * that, equal debts and credits are paired first and then the largest debtor pays the largest creditor.
 * Ties always break by player order, so the same nets give the same payments.
 */
public final class SettleUp {

  static final int EXACT_LIMIT = 18;

  private SettleUp() {}

  /** One player's net in minor units: positive is owed money, negative owes. */
  public record Net(int playerId, long minor) {}

  public static List<Transfer> transfers(List<Net> nets, Currency currency) {
    List<Net> open = nets.stream().filter(n -> n.minor() != 0).toList();
    if (open.stream().mapToLong(Net::minor).sum() != 0) {
      throw new IllegalArgumentException("nets must add up to zero: " + nets);
    }
    List<List<Net>> groups = open.size() <= EXACT_LIMIT ? zeroSumGroups(open) : pairEqualsFirst(open);
    List<Transfer> transfers = new ArrayList<>();
    for (List<Net> group : groups) {
      transfers.addAll(largestPaysLargest(group, currency));
    }
    return transfers;
  }

  /** Splits nets into the largest number of zero-sum groups (exact, O(2^n · n)). */
  private static List<List<Net>> zeroSumGroups(List<Net> nets) {
    int n = nets.size();
    int full = (1 << n) - 1;
    long[] sum = new long[full + 1];
    byte[] groups = new byte[full + 1];
    for (int mask = 1; mask <= full; mask++) {
      int low = Integer.numberOfTrailingZeros(mask);
      sum[mask] = sum[mask & (mask - 1)] + nets.get(low).minor();
      int best = 0;
      for (int rest = mask; rest != 0; rest &= rest - 1) {
        best = Math.max(best, groups[mask & ~Integer.lowestOneBit(rest)]);
      }
      groups[mask] = (byte) (best + (sum[mask] == 0 ? 1 : 0));
    }
    List<List<Net>> result = new ArrayList<>();
    List<Net> current = new ArrayList<>();
    int mask = full;
    while (mask != 0) {
      int closes = sum[mask] == 0 ? 1 : 0;
      for (int i = 0; i < n; i++) {
        int without = mask & ~(1 << i);
        if (without != mask && groups[without] + closes == groups[mask]) {
          current.add(nets.get(i));
          mask = without;
          break;
        }
      }
      if (sum[mask] == 0) {
        current.sort(Comparator.comparingInt(Net::playerId));
        result.add(current);
        current = new ArrayList<>();
      }
    }
    result.sort(Comparator.comparingInt(g -> g.get(0).playerId()));
    return result;
  }

  /** The large-table heuristic: each debtor whose debt equals a creditor's credit forms a pair of its own. */
  private static List<List<Net>> pairEqualsFirst(List<Net> nets) {
    List<Net> rest = new ArrayList<>(nets);
    List<List<Net>> result = new ArrayList<>();
    for (int i = 0; i < rest.size(); i++) {
      Net a = rest.get(i);
      for (int j = i + 1; j < rest.size(); j++) {
        if (rest.get(j).minor() == -a.minor()) {
          result.add(List.of(a, rest.get(j)));
          rest.remove(j);
          rest.remove(i);
          i--;
          break;
        }
      }
    }
    if (!rest.isEmpty()) {
      result.add(rest);
    }
    return result;
  }

  /** Squares one zero-sum group with at most (size - 1) payments: each payment settles at least one player. */
  private static List<Transfer> largestPaysLargest(List<Net> group, Currency currency) {
    long[] balance = group.stream().mapToLong(Net::minor).toArray();
    List<Transfer> transfers = new ArrayList<>();
    while (true) {
      int debtor = extreme(balance, -1);
      int creditor = extreme(balance, 1);
      if (debtor < 0 || creditor < 0) {
        return transfers;
      }
      long amount = Math.min(-balance[debtor], balance[creditor]);
      transfers.add(new Transfer(group.get(debtor).playerId(), group.get(creditor).playerId(),
          new Money(amount, currency)));
      balance[debtor] += amount;
      balance[creditor] -= amount;
    }
  }

  /** Index of the largest balance with the given sign (first on ties), or -1 if none. */
  private static int extreme(long[] balance, int sign) {
    int best = -1;
    for (int i = 0; i < balance.length; i++) {
      if (Long.signum(balance[i]) == sign && (best < 0 || Math.abs(balance[i]) > Math.abs(balance[best]))) {
        best = i;
      }
    }
    return best;
  }
}

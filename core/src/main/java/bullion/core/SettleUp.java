package bullion.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fewest payments that square every party (players and the bank), given positions that add up to zero.
 *
 * <p>A group of k parties whose positions add up to zero can always be squared with k - 1 payments, and no set
 * of payments does better than (parties - groups) for the groups it leaves untouched by others. So the fewest
 * payments come from splitting the parties into as many zero-sum groups as possible:
 * <ol>
 *   <li>A position and its exact opposite are paired first. This never costs a payment: if they sit in one
 *       larger group, splitting the pair off adds a group; if in two groups, the two remainders sum to zero
 *       and merge while the pair becomes its own group, so the count stays.</li>
 *   <li>The rest, up to {@value #EXACT_LIMIT} parties, is split exactly. Every zero-sum subset is listed by
 *       meeting in the middle (the sums of one half's subsets, sorted, looked up for each subset of the other
 *       half: 2 × 4096 sums at 24). The group holding the lowest party left is one of the zero-sum subsets whose
 *       lowest member it is, so a search tries each that fits, remembering the best split of every remainder
 *       and stopping once a remainder splits into pairs only. With very many zero-sum subsets (amounts like
 *       +2, -1, -1, ...) the subset DP takes over: {@code groups[mask]} is the most zero-sum groups a removal
 *       order of {@code mask} passes through, a mask's sum read from the two half tables, so the only memory is
 *       one byte per subset (16 MiB at 24). Both roads are exact; a property holds them to each other.</li>
 *   <li>Beyond that the remainder is one group, squared by largest-debtor-pays-largest-creditor.</li>
 * </ol>
 * Ties always break by the order of the positions given (players in joining order, then the bank), so the same
 * positions give the same payments. Each result is remembered for the latest few inputs, so reading a table
 * many times computes its plan once.
 */
public final class SettleUp {

    static final int EXACT_LIMIT = 24;
    private static final int REMEMBERED = 64;
    /** Up to this many zero-sum subsets the search beats the subset DP by far. */
    private static final int SEARCH_LIMIT = 200_000;

    private SettleUp() {}

    /** One player's net in minor units: positive is owed money, negative owes. */
    public record Net(int playerId, long minor) {}

    /** One party's position in minor units: positive receives money, negative pays. */
    public record Position(Party party, long minor) {}

    private record Input(List<Position> positions, Currency currency) {}

    private static final Map<Input, List<Transfer>> RECENT =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Input, List<Transfer>> eldest) {
                    return size() > REMEMBERED;
                }
            });

    /** The players' nets squared among themselves (no bank). */
    public static List<Transfer> transfers(List<Net> nets, Currency currency) {
        return plan(
                nets.stream()
                        .map(n -> new Position(new Party.Player(n.playerId()), n.minor()))
                        .toList(),
                currency);
    }

    /**
     * The fewest payments that bring every position to zero.
     *
     * @throws IllegalArgumentException if the positions do not add up to zero
     */
    public static List<Transfer> plan(List<Position> positions, Currency currency) {
        Input input = new Input(List.copyOf(positions), currency);
        List<Transfer> known = RECENT.get(input);
        if (known != null) {
            return known;
        }
        List<Transfer> computed = List.copyOf(compute(input.positions(), currency));
        RECENT.put(input, computed);
        return computed;
    }

    private static List<Transfer> compute(List<Position> positions, Currency currency) {
        List<Position> open = positions.stream().filter(p -> p.minor() != 0).toList();
        long sum = 0;
        for (Position p : open) {
            sum = Math.addExact(sum, p.minor());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("positions must add up to zero: " + positions);
        }
        List<List<Position>> groups = new ArrayList<>();
        List<Position> rest = pairOpposites(open, groups);
        if (rest.size() <= EXACT_LIMIT) {
            groups.addAll(zeroSumGroups(rest));
        } else {
            groups.add(rest);
        }
        Comparator<Position> byOrder = Comparator.comparingInt(open::indexOf);
        groups.forEach(g -> g.sort(byOrder));
        groups.sort(Comparator.comparing(g -> g.getFirst(), byOrder));
        List<Transfer> transfers = new ArrayList<>();
        for (List<Position> group : groups) {
            transfers.addAll(largestPaysLargest(group, currency));
        }
        return transfers;
    }

    /** Moves each position whose exact opposite comes later into a pair of its own; returns the others. */
    private static List<Position> pairOpposites(List<Position> open, List<List<Position>> groups) {
        List<Position> rest = new ArrayList<>(open);
        for (int i = 0; i < rest.size(); i++) {
            for (int j = i + 1; j < rest.size(); j++) {
                if (rest.get(j).minor() == -rest.get(i).minor()) {
                    groups.add(new ArrayList<>(List.of(rest.get(i), rest.get(j))));
                    rest.remove(j);
                    rest.remove(i);
                    i--;
                    break;
                }
            }
        }
        return rest;
    }

    /** Splits positions into the largest number of zero-sum groups, exactly. */
    static List<List<Position>> zeroSumGroups(List<Position> positions) {
        return zeroSumGroups(positions, false);
    }

    /** The same, by the subset DP alone when {@code bySubsetDpOnly} (so tests can hold the two roads to each other). */
    static List<List<Position>> zeroSumGroups(List<Position> positions, boolean bySubsetDpOnly) {
        int n = positions.size();
        if (n == 0) {
            return List.of();
        }
        int lowBits = n / 2;
        long[] lowSums = subsetSums(positions.subList(0, lowBits));
        long[] highSums = subsetSums(positions.subList(lowBits, n));
        int[] zeroSum = bySubsetDpOnly ? null : zeroSumMasks(lowSums, highSums, lowBits);
        List<Integer> groupMasks =
                zeroSum != null ? searchGroups((1 << n) - 1, zeroSum) : bySubsetDp(n, lowSums, highSums, lowBits);
        List<List<Position>> result = new ArrayList<>();
        for (int group : groupMasks) {
            List<Position> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((group & (1 << i)) != 0) {
                    members.add(positions.get(i));
                }
            }
            result.add(members);
        }
        return result;
    }

    /**
     * Every non-empty zero-sum subset (the whole set included), found by meeting in the middle: the sums of the
     * low half's subsets, sorted, are looked up for each subset of the high half. Null when there are more than
     * {@value #SEARCH_LIMIT}, for which the subset DP is the faster road.
     */
    private static int[] zeroSumMasks(long[] lowSums, long[] highSums, int lowBits) {
        Integer[] lowOrder = new Integer[lowSums.length];
        for (int i = 0; i < lowOrder.length; i++) {
            lowOrder[i] = i;
        }
        java.util.Arrays.sort(
                lowOrder, Comparator.comparingLong((Integer i) -> lowSums[i]).thenComparingInt(i -> i));
        long[] sorted = new long[lowOrder.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = lowSums[lowOrder[i]];
        }
        int[] found = new int[64];
        int count = 0;
        for (int high = 0; high < highSums.length; high++) {
            long wanted = -highSums[high];
            int at = java.util.Arrays.binarySearch(sorted, wanted);
            if (at < 0) {
                continue;
            }
            while (at > 0 && sorted[at - 1] == wanted) {
                at--;
            }
            for (; at < sorted.length && sorted[at] == wanted; at++) {
                int mask = lowOrder[at] | (high << lowBits);
                if (mask == 0) {
                    continue;
                }
                if (count == SEARCH_LIMIT) {
                    return null;
                }
                if (count == found.length) {
                    found = java.util.Arrays.copyOf(found, found.length * 2);
                }
                found[count++] = mask;
            }
        }
        return java.util.Arrays.copyOf(found, count);
    }

    /**
     * The most groups by search: the group holding the lowest remaining party is one of the zero-sum subsets
     * whose lowest member it is; try each that fits, smallest first, remembering the best split of every
     * remainder, and stop early once a remainder splits into pairs only (no split does better).
     */
    private static List<Integer> searchGroups(int full, int[] zeroSum) {
        int n = Integer.bitCount(full);
        List<List<Integer>> byLowest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byLowest.add(new ArrayList<>());
        }
        for (int mask : zeroSum) {
            byLowest.get(Integer.numberOfTrailingZeros(mask)).add(mask);
        }
        byLowest.forEach(
                list -> list.sort(Comparator.comparingInt(Integer::bitCount).thenComparingInt(m -> m)));
        Map<Integer, int[]> best = new java.util.HashMap<>();
        most(full, byLowest, best);
        List<Integer> groups = new ArrayList<>();
        for (int rest = full; rest != 0; rest &= ~best.get(rest)[1]) {
            groups.add(best.get(rest)[1]);
        }
        return groups;
    }

    /** The most zero-sum groups {@code rest} splits into; {@code best} keeps {count, first group} per remainder. */
    private static int most(int rest, List<List<Integer>> byLowest, Map<Integer, int[]> best) {
        if (rest == 0) {
            return 0;
        }
        int[] known = best.get(rest);
        if (known != null) {
            return known[0];
        }
        int bound = Integer.bitCount(rest) / 2;
        int bestCount = 0;
        int bestGroup = rest;
        for (int group : byLowest.get(Integer.numberOfTrailingZeros(rest))) {
            if ((group & ~rest) != 0) {
                continue;
            }
            int count = 1 + most(rest & ~group, byLowest, best);
            if (count > bestCount) {
                bestCount = count;
                bestGroup = group;
                if (count == bound) {
                    break;
                }
            }
        }
        best.put(rest, new int[] {bestCount, bestGroup});
        return bestCount;
    }

    /**
     * The same answer for inputs with very many zero-sum subsets: {@code groups[mask]} is the most zero-sum groups
     * a removal order of {@code mask} passes through (O(2^n · n) time, one byte per subset: 16 MiB at 24).
     */
    private static List<Integer> bySubsetDp(int n, long[] lowSums, long[] highSums, int lowBits) {
        int lowMask = (1 << lowBits) - 1;
        int full = (1 << n) - 1;
        byte[] groups = new byte[full + 1];
        for (int mask = 1; mask <= full; mask++) {
            int best = 0;
            for (int rest = mask; rest != 0; rest &= rest - 1) {
                int without = groups[mask ^ (rest & -rest)];
                if (without > best) {
                    best = without;
                }
            }
            groups[mask] = (byte) (lowSums[mask & lowMask] + highSums[mask >>> lowBits] == 0 ? best + 1 : best);
        }
        List<Integer> result = new ArrayList<>();
        int group = 0;
        int mask = full;
        while (mask != 0) {
            int closes = lowSums[mask & lowMask] + highSums[mask >>> lowBits] == 0 ? 1 : 0;
            for (int i = 0; i < n; i++) {
                int without = mask & ~(1 << i);
                if (without != mask && groups[without] + closes == groups[mask]) {
                    group |= 1 << i;
                    mask = without;
                    break;
                }
            }
            if (lowSums[mask & lowMask] + highSums[mask >>> lowBits] == 0) {
                result.add(group);
                group = 0;
            }
        }
        return result;
    }

    private static long[] subsetSums(List<Position> positions) {
        long[] sums = new long[1 << positions.size()];
        for (int mask = 1; mask < sums.length; mask++) {
            sums[mask] = sums[mask & (mask - 1)]
                    + positions.get(Integer.numberOfTrailingZeros(mask)).minor();
        }
        return sums;
    }

    /** Squares one zero-sum group with at most (size - 1) payments: each payment settles at least one party. */
    private static List<Transfer> largestPaysLargest(List<Position> group, Currency currency) {
        long[] balance = group.stream().mapToLong(Position::minor).toArray();
        List<Transfer> transfers = new ArrayList<>();
        while (true) {
            int debtor = extreme(balance, -1);
            int creditor = extreme(balance, 1);
            if (debtor < 0 || creditor < 0) {
                return transfers;
            }
            long amount = Math.min(-balance[debtor], balance[creditor]);
            transfers.add(
                    new Transfer(group.get(debtor).party(), group.get(creditor).party(), new Money(amount, currency)));
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

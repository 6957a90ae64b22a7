package bullion.core;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Rounds exact shares to whole minor units that add up to a given total (Hamilton's largest-remainder method):
 * each share is rounded down, then the units still missing go one each to the shares with the largest
 * fractional remainders; equal remainders go in list order (joining order for players), so the result is
 * deterministic.
 */
final class LargestRemainder {

    private LargestRemainder() {}

    /**
     * @param numerators each share is {@code numerators[i] / denominator}, all >= 0
     * @param total the whole units the shares must add up to; within the count of shares of their exact sum
     */
    static long[] apportion(BigInteger[] numerators, BigInteger denominator, long total) {
        int n = numerators.length;
        long[] result = new long[n];
        BigInteger[] remainders = new BigInteger[n];
        long floorSum = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = numerators[i].divideAndRemainder(denominator);
            result[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            floorSum = Math.addExact(floorSum, result[i]);
        }
        long missing = total - floorSum;
        if (missing < 0 || missing > n) {
            throw new IllegalArgumentException("cannot apportion " + total + " over shares that floor to " + floorSum);
        }
        IntStream.range(0, n)
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i])
                        .reversed()
                        .thenComparing(i -> i))
                .limit(missing)
                .forEach(i -> result[i]++);
        return result;
    }

    /** {@code numerator / denominator} rounded to the nearest whole unit, halves up; numerator >= 0. */
    static long roundHalfUp(BigInteger numerator, BigInteger denominator) {
        return numerator
                .shiftLeft(1)
                .add(denominator)
                .divide(denominator.shiftLeft(1))
                .longValueExact();
    }
}

package bullion.core;

import java.math.BigInteger;

/**
 * Rounds the players' exact nets to the currency's minor unit so that they add up to exactly the table's total.
 *
 * <p>A chip is worth {@code price / chipsPerBuyIn}, so exact nets are fractions. The rule:
 * <ol>
 *   <li>Money out is the value of all chips cashed out, rounded to the nearest minor unit (halves up); the
 *       table's total is money out minus money in (zero when every chip is back).</li>
 *   <li>The winners' total is the sum of the positive exact nets, rounded the same way; the losers' total is
 *       the winners' total minus the table's total.</li>
 *   <li>Each side is split among its players by {@link LargestRemainder} on the size of their exact nets,
 *       ties in joining order.</li>
 * </ol>
 * So the money changing hands is rounded once, and no side pays or receives a cent that the other does not
 * see. Example: $10 buys 6 chips; cash-outs of 7, 7 and 4 chips give nets +1.67, +1.66 and -3.33.
 */
final class NetRounding {

    private NetRounding() {}

    /**
     * @param exactNets each player's net as {@code exactNets[i] / denominator} minor units
     * @param tableTotal money out minus money in, already rounded
     */
    static long[] round(BigInteger[] exactNets, BigInteger denominator, long tableTotal) {
        int n = exactNets.length;
        BigInteger winnings = BigInteger.ZERO;
        for (BigInteger net : exactNets) {
            if (net.signum() > 0) {
                winnings = winnings.add(net);
            }
        }
        long winnersTotal = LargestRemainder.roundHalfUp(winnings, denominator);
        long losersTotal = winnersTotal - tableTotal;

        BigInteger[] won = new BigInteger[n];
        BigInteger[] lost = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            won[i] = exactNets[i].max(BigInteger.ZERO);
            lost[i] = exactNets[i].min(BigInteger.ZERO).negate();
        }
        long[] winnerShares = LargestRemainder.apportion(won, denominator, winnersTotal);
        long[] loserShares = LargestRemainder.apportion(lost, denominator, losersTotal);
        long[] nets = new long[n];
        for (int i = 0; i < n; i++) {
            nets[i] = winnerShares[i] - loserShares[i];
        }
        return nets;
    }
}

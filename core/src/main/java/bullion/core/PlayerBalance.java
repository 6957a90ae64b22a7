package bullion.core;

/**
 * One player's numbers. {@code chipsOut} is chips bought minus chips cashed out, negative for a winner.
 * {@code paidIn} is what their buy-ins cost, of which {@code paidCash} went to the bank in cash. {@code net} is
 * {@code cashedOutValue + adjustment - paidIn}, the value of chips rounded by {@link NetRounding};
 * {@code adjustment} is their part of the chips still out when the table closed (zero otherwise), shown as its
 * own line.
 *
 * <p>{@code chipsInFront} is what the ledger can say about the chips in front of them: zero once they have cashed
 * out after their last buy-in (they are done), otherwise the chips they bought since then, but never more than are
 * on the table, and all of those when nobody else is still playing. Chips change hands across the felt, so for
 * two or more players still playing it is what they brought, not a count of their stack.
 */
public record PlayerBalance(
        Player player,
        long buyIns,
        long chipsBought,
        long chipsCashedOut,
        long chipsOut,
        Money paidIn,
        Money cashedOutValue,
        Money net,
        Money paidCash,
        Money adjustment,
        long chipsInFront) {

    /** Whether they have bought chips and cashed out since: they have left the game. */
    public boolean done() {
        return chipsCashedOut > 0 && chipsInFront == 0;
    }

    /** What the settle-up squares: the net plus the cash already handed to the bank. */
    public Money position() {
        return net.plus(paidCash);
    }

    /** The net before any adjustment for chips still out: {@code cashedOutValue - paidIn}. */
    public Money playedNet() {
        return cashedOutValue.minus(paidIn);
    }
}

package bullion.core;

/**
 * One player's numbers. {@code chipsOut} is chips bought minus chips cashed out, negative for a winner.
 * {@code paidIn} is what their buy-ins cost, of which {@code paidCash} went to the bank in cash. {@code net} is
 * {@code cashedOutValue + adjustment - paidIn}, the value of chips rounded by {@link NetRounding};
 * {@code adjustment} is their part of the chips still out when the table closed (zero otherwise), shown as its
 * own line.
 */
public record PlayerBalance(Player player, long buyIns, long chipsBought, long chipsCashedOut, long chipsOut,
    Money paidIn, Money cashedOutValue, Money net, Money paidCash, Money adjustment) {

  /** What the settle-up squares: the net plus the cash already handed to the bank. */
  public Money position() {
    return net.plus(paidCash);
  }

  /** The net before any adjustment for chips still out: {@code cashedOutValue - paidIn}. */
  public Money playedNet() {
    return cashedOutValue.minus(paidIn);
  }
}

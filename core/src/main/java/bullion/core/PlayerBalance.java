package bullion.core;

/**
 * One player's numbers. {@code chipsOut} is chips bought minus chips cashed out, negative for a winner.
 * {@code net} is {@code cashedOutValue - paidIn}; both are rounded by {@link NetRounding}.
 */
public record PlayerBalance(Player player, long buyIns, long chipsBought, long chipsCashedOut, long chipsOut,
    Money paidIn, Money cashedOutValue, Money net) {}

package bullion.core;

import java.util.Objects;

/** One payment of the settle-up: {@code from} pays {@code to} an amount to the minor unit; either may be the bank. */
public record Transfer(Party from, Party to, Money amount) {

    public Transfer {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
    }

    public Transfer(int fromPlayerId, int toPlayerId, Money amount) {
        this(new Party.Player(fromPlayerId), new Party.Player(toPlayerId), amount);
    }

    /** The paying player's id, or 0 for the bank; kept for callers written before the bank settled. */
    public int fromPlayerId() {
        return from instanceof Party.Player p ? p.playerId() : 0;
    }

    /** The paid player's id, or 0 for the bank; kept for callers written before the bank settled. */
    public int toPlayerId() {
        return to instanceof Party.Player p ? p.playerId() : 0;
    }
}

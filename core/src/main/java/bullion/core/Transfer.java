package bullion.core;

/** One payment of the settle-up: {@code from} pays {@code to} an amount to the minor unit. */
public record Transfer(int fromPlayerId, int toPlayerId, Money amount) {}

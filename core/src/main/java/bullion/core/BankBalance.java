package bullion.core;

/**
 * The host's cash box. {@code cashIn} is the cash handed over with buy-ins that count; {@code cashHeld} is what
 * is left in it after the payments from (or to) the bank marked paid so far.
 */
public record BankBalance(Money cashIn, Money cashHeld) {}

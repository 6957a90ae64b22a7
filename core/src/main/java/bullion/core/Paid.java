package bullion.core;

/**
 * How a buy-in was paid: {@code CASH} was handed to the bank when the chips were bought; {@code CREDIT} is
 * owed until the settle-up. A table's default is {@link #DEFAULT}, which is how every table before cash buy-ins
 * behaved.
 */
public enum Paid {
    CASH,
    CREDIT;

    /** The one home of the default: a table, a buy-in or a stored event that does not say is on credit. */
    public static final Paid DEFAULT = CREDIT;
}

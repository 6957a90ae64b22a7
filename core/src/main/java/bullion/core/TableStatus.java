package bullion.core;

/** {@code OPEN} takes changes; {@code CLOSED} has a frozen plan with payments to mark; {@code SETTLED} has all marked. */
public enum TableStatus {
    OPEN,
    CLOSED,
    SETTLED
}

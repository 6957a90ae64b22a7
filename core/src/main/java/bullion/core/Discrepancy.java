package bullion.core;

/**
 * Chips bought that never came back before the table closed (lost or miscounted) and the money paid for them.
 * The settle-up hands that money back to the players in proportion to the chips each bought.
 */
public record Discrepancy(long missingChips, Money value) {

  public String message() {
    return missingChips + " chip" + (missingChips == 1 ? " was" : "s were") + " never cashed out (worth "
        + value.toDecimalString() + " " + value.currency().getCurrencyCode()
        + "); that money is shared back in proportion to the chips each player bought.";
  }
}

package bullion.core;

/**
 * Chips bought that never came back before the table closed (lost, miscounted, or taken by a player who left)
 * and the money paid for them, with what the host said became of them.
 */
public record Discrepancy(long missingChips, Money value, MissingChips how) {

    public String message() {
        String what = missingChips + " chip" + (missingChips == 1 ? " was" : "s were") + " never cashed out (worth "
                + value.toDecimalString() + " " + value.currency().getCurrencyCode() + "); ";
        return what
                + switch (how) {
                    case MissingChips.SharedBack s ->
                        "that money is shared back in proportion to the chips each player bought.";
                    case MissingChips.CashedOutBy c -> "they are counted as cashed out by the player who had them.";
                };
    }
}

package bullion.core;

/**
 * What became of chips still out when a table closes: one player cashed them out (usually the one who left
 * with them), or nobody knows, and their value is shared back in proportion to the chips each player bought.
 */
public sealed interface MissingChips {

    record CashedOutBy(int playerId) implements MissingChips {}

    record SharedBack() implements MissingChips {}
}

package bullion.core;

/** What a buy-in asks for: a count of standard buy-ins, or a number of chips at the table's chip price. */
public sealed interface BuyInSize {

    record Count(long count) implements BuyInSize {}

    record Chips(long chips) implements BuyInSize {}
}

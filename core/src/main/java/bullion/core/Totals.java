package bullion.core;

/** The table's numbers. {@code moneyOut - moneyIn} is exactly the sum of the players' nets. */
public record Totals(long chipsBought, long chipsCashedOut, long chipsOnTable, Money moneyIn, Money moneyOut) {}

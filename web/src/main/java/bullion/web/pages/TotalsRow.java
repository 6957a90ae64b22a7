package bullion.web.pages;

/** The table's totals, ready to show. */
public record TotalsRow(long chipsBought, long chipsCashedOut, long chipsOnTable, String moneyIn, String moneyOut) {}

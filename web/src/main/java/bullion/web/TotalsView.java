package bullion.web;

import bullion.core.Money;
import bullion.core.Totals;
import java.util.function.Function;

/** A table's totals as both the pages and the API show them; only how money is written differs. */
public record TotalsView(long chipsBought, long chipsCashedOut, long chipsOnTable, String moneyIn, String moneyOut) {

    public static TotalsView of(Totals t, Function<Money, String> money) {
        return new TotalsView(
                t.chipsBought(),
                t.chipsCashedOut(),
                t.chipsOnTable(),
                money.apply(t.moneyIn()),
                money.apply(t.moneyOut()));
    }
}

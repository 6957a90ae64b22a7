package bullion.core;

import java.util.Currency;
import java.util.Objects;

/**
 * What a table is played for: its name, currency, the price of one buy-in and the chips it gets.
 * One chip is worth {@code buyIn / chipsPerBuyIn}, which need not be a whole number of minor units.
 */
public record TableTerms(String name, Currency currency, Money buyIn, long chipsPerBuyIn) {

  public TableTerms {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(buyIn, "buyIn");
    if (!buyIn.currency().equals(currency)) {
      throw new IllegalArgumentException("buy-in must be in " + currency);
    }
    if (buyIn.minor() <= 0 || chipsPerBuyIn <= 0) {
      throw new IllegalArgumentException("buy-in and chips per buy-in must be positive");
    }
  }
}

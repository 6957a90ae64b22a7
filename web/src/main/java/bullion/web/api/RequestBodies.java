package bullion.web.api;

import bullion.core.Command;
import bullion.web.Numbers;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The request bodies of the API, each read from JSON into the core command it asks for. Only JSON shape is
 * checked here; the core decides whether the values are allowed.
 */
final class RequestBodies {

  static final String DEFAULT_CURRENCY = "USD";

  private RequestBodies() {}

  /** {@code {"name","buyIn":"20.00","chipsPerBuyIn":100,"currency":"USD"}}; currency defaults to USD. */
  static Command.OpenTable openTable(JsonBody body) {
    String name = body.requiredText("name");
    String buyInText = body.requiredText("buyIn");
    // A plain, bounded decimal, so "1e3" or " 20" are refused here rather than read as something not typed.
    BigDecimal buyIn = Numbers.decimal(buyInText).orElseThrow(() -> ApiProblem.badRequest(
        "\"buyIn\" must be a decimal string such as \"20.00\" (at most " + Numbers.MAX_WHOLE_DIGITS + " digits before the point and "
            + Numbers.MAX_FRACTION_DIGITS + " after), not \"" + Numbers.shortened(buyInText, JsonBody.MAX_ECHOED) + "\"."));
    long chipsPerBuyIn = body.requiredWholeNumber("chipsPerBuyIn");
    // Upper-cased as the form does, so "usd" is USD here too; the core decides whether the code exists.
    String currency = body.optionalText("currency").map(c -> c.strip().toUpperCase(Locale.ROOT)).orElse(DEFAULT_CURRENCY);
    return new Command.OpenTable(name, currency, buyIn, chipsPerBuyIn);
  }

  /** {@code {"name"}}. */
  static Command.AddPlayer addPlayer(JsonBody body) {
    return new Command.AddPlayer(body.requiredText("name"));
  }

  /** {@code {"count":1}}: how many standard buy-ins; one when the body leaves it out. */
  static Command.BuyIn buyIn(int playerId, JsonBody body) {
    return new Command.BuyIn(playerId, body.optionalWholeNumber("count").orElse(1L));
  }

  /** {@code {"chips":22}}. */
  static Command.CashOut cashOut(int playerId, JsonBody body) {
    return new Command.CashOut(playerId, body.requiredWholeNumber("chips"));
  }

  /** {@code {"reason"?}}. */
  static Command.VoidEntry voidEntry(int seq, JsonBody body) {
    Optional<String> reason = body.optionalText("reason");
    return new Command.VoidEntry(seq, reason);
  }
}

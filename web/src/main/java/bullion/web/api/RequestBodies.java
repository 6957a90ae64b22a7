package bullion.web.api;

import bullion.core.Command;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The request bodies of the API, each read from JSON into the core command it asks for. Only JSON shape is
 * checked here; the core decides whether the values are allowed.
 */
final class RequestBodies {

  /** A plain decimal, so "1e3" or " 20" are refused here rather than read as something the user did not type. */
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  static final String DEFAULT_CURRENCY = "USD";

  private RequestBodies() {}

  /** {@code {"name","buyIn":"20.00","chipsPerBuyIn":100,"currency":"USD"}}; currency defaults to USD. */
  static Command.OpenTable openTable(JsonBody body) {
    String name = body.requiredText("name");
    String buyIn = body.requiredText("buyIn");
    if (!DECIMAL.matcher(buyIn).matches()) {
      throw ApiProblem.badRequest("\"buyIn\" must be a decimal string such as \"20.00\", not \"" + buyIn + "\".");
    }
    long chipsPerBuyIn = body.requiredWholeNumber("chipsPerBuyIn");
    String currency = body.optionalText("currency").orElse(DEFAULT_CURRENCY);
    return new Command.OpenTable(name, currency, new BigDecimal(buyIn), chipsPerBuyIn);
  }

  /** {@code {"name"}}. */
  static Command.AddPlayer addPlayer(JsonBody body) {
    return new Command.AddPlayer(body.requiredText("name"));
  }

  /** {@code {"count":1}}: how many standard buy-ins. */
  static Command.BuyIn buyIn(int playerId, JsonBody body) {
    return new Command.BuyIn(playerId, body.requiredWholeNumber("count"));
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

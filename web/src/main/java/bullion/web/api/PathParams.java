package bullion.web.api;

import bullion.engine.TableId;
import io.javalin.http.Context;

/** Reads ids from the path. An id that cannot be a table's is simply not found, and starts no table process. */
final class PathParams {

  private PathParams() {}

  static TableId tableId(Context ctx) {
    String text = ctx.pathParam("id");
    return TableId.parse(text).orElseThrow(() -> ApiProblem.notFound("There is no table " + text + "."));
  }

  static int playerId(Context ctx) {
    return wholeNumber(ctx.pathParam("playerId"), "A player id");
  }

  static int seq(Context ctx) {
    return wholeNumber(ctx.pathParam("seq"), "An entry's seq");
  }

  private static int wholeNumber(String text, String what) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest(what + " is a whole number, not \"" + text + "\".");
    }
  }
}

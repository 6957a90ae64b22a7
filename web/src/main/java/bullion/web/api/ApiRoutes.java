package bullion.web.api;

import bullion.engine.Tables;
import bullion.web.live.TableFeed;
import io.javalin.config.RoutesConfig;

/** Registers the JSON API's routes. */
public final class ApiRoutes {

  private ApiRoutes() {}

  public static void register(RoutesConfig routes, Tables tables, TableFeed feed) {
    // Filled in by the JSON API issue.
  }
}

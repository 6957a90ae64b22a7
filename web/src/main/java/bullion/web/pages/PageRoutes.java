package bullion.web.pages;

import bullion.engine.Tables;
import bullion.web.Templates;
import bullion.web.live.TableFeed;
import io.javalin.config.RoutesConfig;

/** Registers the HTML pages' routes. */
public final class PageRoutes {

  private PageRoutes() {}

  public static void register(RoutesConfig routes, Tables tables, Templates templates, TableFeed feed) {
    routes.get("/", ctx -> templates.html(ctx, "home.jte", "Bullion"));
  }
}

package bullion.web.pages;

import bullion.engine.Tables;
import bullion.web.Templates;
import bullion.web.live.TableFeed;
import io.javalin.config.RoutesConfig;

/** Registers the HTML pages' routes: home, tables, players, ledger entries, and the pages' error pages. */
public final class PageRoutes {

  private PageRoutes() {}

  public static void register(RoutesConfig routes, Tables tables, Templates templates, TableFeed feed) {
    TableResponses responses = new TableResponses(tables, templates);
    HomeRoutes.register(routes, tables, templates);
    TableRoutes.register(routes, tables, templates, responses, feed);
    PlayerRoutes.register(routes, tables, responses);
    EntryRoutes.register(routes, tables, responses);
    ErrorPages.register(routes, templates);
  }
}

package bullion.web.api;

import bullion.web.HttpFailure;
import bullion.web.TableCalls;
import bullion.web.live.TableFeed;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers the JSON API's routes. The contract is {@code openapi.json}, written by hand beside the code and
 * served as is at /api/openapi.json; the tests check every response they get against it.
 */
public final class ApiRoutes {

  public static final String PREFIX = "/api/";

  private static final Pattern BEARER = Pattern.compile("(?i)Bearer +([A-Za-z0-9._~+/-]+=*) *");
  private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"bullion\"");

  private ApiRoutes() {}

  public static void register(RoutesConfig routes, TableCalls calls, TableFeed feed) {
    TableResource tables = new TableResource(calls, feed);
    PlayerResource players = new PlayerResource(calls);
    EntryResource entries = new EntryResource(calls);
    byte[] contract = contract();

    routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(contract));
    routes.post("/api/tables", tables::create);
    routes.get("/api/tables/{id}", tables::view);
    routes.post("/api/tables/{id}/close", tables::close);
    routes.post("/api/tables/{id}/reopen", tables::reopen);
    routes.get("/api/tables/{id}/events", tables::events);
    routes.post("/api/tables/{id}/players", players::add);
    routes.post("/api/tables/{id}/players/{playerId}/buy-ins", players::buyIn);
    routes.post("/api/tables/{id}/players/{playerId}/cash-outs", players::cashOut);
    routes.get("/api/tables/{id}/ledger", entries::ledger);
    routes.post("/api/tables/{id}/entries/{seq}/void", entries::voidEntry);
    PaymentResource.register(routes, calls);
  }

  /** Any failure under /api/, as an RFC 9457 problem. */
  public static void problem(Context ctx, HttpResponseException failure) {
    ApiJson.problem(ctx, failure);
  }

  /**
   * The manage token from {@code Authorization: Bearer <token>} (RFC 6750). Without one a change is 401; whether
   * it is the right one only the table knows (403 if not). The token is never logged or echoed.
   */
  static String bearerToken(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw new HttpFailure(401, "Changing a table needs its manage token: send the header Authorization: Bearer "
          + "<manageToken>.", Optional.empty(), Optional.empty(), CHALLENGE);
    }
    Matcher matcher = BEARER.matcher(header);
    if (!matcher.matches()) {
      throw new HttpFailure(401, "The Authorization header must be \"Bearer <manageToken>\".", Optional.empty(),
          Optional.empty(), CHALLENGE);
    }
    return matcher.group(1);
  }

  private static byte[] contract() {
    try (InputStream in = ApiRoutes.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("/openapi.json is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

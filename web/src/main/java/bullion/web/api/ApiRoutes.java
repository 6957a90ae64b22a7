package bullion.web.api;

import bullion.engine.Tables;
import bullion.web.live.TableFeed;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.router.exception.HttpResponseExceptionMapper;
import java.util.Map;
import java.util.Optional;

/** Registers the JSON API's routes; the contract is {@code openapi.json}, served at /api/openapi.json. */
public final class ApiRoutes {

  static final String PREFIX = "/api/";

  private ApiRoutes() {}

  public static void register(RoutesConfig routes, Tables tables, TableFeed feed) {
    TableResource tableResource = new TableResource(tables, feed);
    PlayerResource players = new PlayerResource(tables);
    EntryResource entries = new EntryResource(tables);
    OpenApiDocument document = new OpenApiDocument();

    routes.get("/api/openapi.json", document::serve);
    routes.post("/api/tables", tableResource::create);
    routes.get("/api/tables/{id}", tableResource::view);
    routes.post("/api/tables/{id}/close", tableResource::close);
    routes.post("/api/tables/{id}/reopen", tableResource::reopen);
    routes.get("/api/tables/{id}/events", tableResource::events);
    routes.post("/api/tables/{id}/players", players::add);
    routes.post("/api/tables/{id}/players/{playerId}/buy-ins", players::buyIn);
    routes.post("/api/tables/{id}/players/{playerId}/cash-outs", players::cashOut);
    routes.get("/api/tables/{id}/ledger", entries::ledger);
    routes.post("/api/tables/{id}/entries/{seq}/void", entries::voidEntry);

    routes.exception(ApiProblem.class, (e, ctx) -> ApiJson.send(ctx, e.problem()));
    // The filters every request passes (rate limit, origin check, body size) throw HttpResponseException; under
    // /api/ those become problems too. Other paths keep Javalin's own answer.
    routes.exception(HttpResponseException.class, (e, ctx) -> {
      if (ctx.path().startsWith(PREFIX)) {
        ApiJson.send(ctx, new Reply.Problem(e.getStatus(), ProblemJson.title(e.getStatus()), e.getMessage(),
            Optional.empty(), Map.of()));
      } else {
        HttpResponseExceptionMapper.INSTANCE.handle(e, ctx);
      }
    });
  }
}

package bullion.web.ops;

import bullion.web.HttpFailure;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /metrics}: the registry in Prometheus text, to a request carrying {@code Authorization: Bearer <metrics
 * token>}; any other is 401. Without a metrics token the route does not exist (404). A scrape with the token is not
 * rate limited; a wrong one is, like any request.
 */
public final class MetricsRoute {

    public static final String PATH = "/metrics";
    /** The Prometheus text exposition format, version 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private MetricsRoute() {}

    public static void register(RoutesConfig routes, Monitoring monitoring) {
        if (monitoring.served()) {
            routes.get(PATH, ctx -> scrape(ctx, monitoring));
        }
    }

    /** Whether this request is a scrape with the right token, which the rate limiter lets through. */
    public static boolean isAuthorizedScrape(Context ctx, Monitoring monitoring) {
        return ctx.path().equals(PATH) && monitoring.authorizes(ctx.header("Authorization"));
    }

    private static void scrape(Context ctx, Monitoring monitoring) {
        if (!monitoring.authorizes(ctx.header("Authorization"))) {
            throw new HttpFailure(
                    401,
                    "Metrics need the metrics token as a bearer token.",
                    Optional.empty(),
                    Optional.empty(),
                    Map.of("WWW-Authenticate", "Bearer realm=\"metrics\""));
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(CONTENT_TYPE);
        ctx.result(monitoring.scrape());
    }
}

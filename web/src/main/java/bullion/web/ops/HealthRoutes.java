package bullion.web.ops;

import bullion.engine.ops.Health;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/**
 * {@code /health/live} and {@code /health/ready}: 200 when every check passes, else 503, with a JSON body naming each
 * check, whether it passed and why ({@code {"status":"UP","checks":[{"name":"journal","ok":true,"detail":…}]}}). They
 * read what the engine's probes last found, so a balancer may ask as often as it likes; they are not rate limited.
 */
public final class HealthRoutes {

    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    private static final Set<String> PATHS = Set.of(LIVE, READY);

    private record Answer(String status, java.util.List<Health.Check> checks) {}

    private HealthRoutes() {}

    public static void register(RoutesConfig routes, Health health) {
        routes.get(LIVE, ctx -> answer(ctx, health.live()));
        routes.get(READY, ctx -> answer(ctx, health.ready()));
    }

    /** Whether {@code path} is a health check, which the rate limiter lets through. */
    public static boolean isHealthCheck(String path) {
        return PATHS.contains(path);
    }

    private static void answer(Context ctx, Health.Report report) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(report.ok() ? 200 : 503);
        ctx.json(new Answer(report.ok() ? "UP" : "DOWN", report.checks()));
    }
}

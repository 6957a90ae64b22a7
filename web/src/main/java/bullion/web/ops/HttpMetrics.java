package bullion.web.ops;

import bullion.engine.ops.EngineMetrics;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times every request by method, route and status ({@code http_server_requests_seconds} with a few histogram buckets).
 * The route is the template Javalin matched ({@code /api/tables/{id}/buy-ins}), never the path, so a table id never
 * becomes a time series of its own; a request no route matched (a static file, a 404, one refused before routing) is
 * {@code other}. A live stream is timed too, over its whole life: read its count, not its latency.
 */
public final class HttpMetrics {

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Called once a request is answered, with how long it took (Javalin's request logger). */
    public void record(Context ctx, float millis) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", ctx.method().name())
                .tag("route", route(ctx))
                .tag("status", String.valueOf(ctx.statusCode()))
                .serviceLevelObjectives(EngineMetrics.LATENCY_BUCKETS)
                .register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "other" : endpoint.path;
    }
}

package bullion.web.ops;

import bullion.engine.ops.EngineMetrics;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request by method, route and status ({@code http_server_requests_seconds} with a few histogram buckets).
 * The route is the template Javalin matched ({@code /api/tables/{id}/buy-ins}), never the path, so a table id never
 * becomes a time series of its own; a request no route matched (a static file, a 404, one refused before routing) is
 * {@code other}. A live stream is timed too, over its whole life: read its count, not its latency.
 *
 * <p>Each timer is looked up in the registry once and kept here: registering it again per request (building its id,
 * sorting its tags, asking the registry) was a measurable part of a read's CPU. Methods, routes and statuses are few,
 * so this map stays small.
 */
public final class HttpMetrics {

    private record Series(String method, String route, int status) {}

    private final MeterRegistry registry;
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Called once a request is answered, with how long it took (Javalin's request logger). */
    public void record(Context ctx, float millis) {
        timers.computeIfAbsent(new Series(ctx.method().name(), route(ctx), ctx.statusCode()), this::timer)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    private Timer timer(Series series) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", series.method())
                .tag("route", series.route())
                .tag("status", String.valueOf(series.status()))
                .serviceLevelObjectives(EngineMetrics.LATENCY_BUCKETS)
                .register(registry);
    }

    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "other" : endpoint.path;
    }
}

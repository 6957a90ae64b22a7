package bullion.web.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * This process's Prometheus registry (the engine's figures, the web's, the JVM's) and who may read it: {@code /metrics}
 * exists only when a metrics token is set, and answers only a request that presents it as a bearer token. The same
 * port and proxy as the app serve it, so nothing else has to be bound or opened; the token keeps the figures (tables,
 * clients, load) from anyone who merely reaches the server.
 */
public final class Monitoring implements AutoCloseable {

    /** What a token must look like: long enough not to be guessed, and only characters a header carries as they are. */
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{16,512}");

    private final PrometheusMeterRegistry registry;
    private final Optional<byte[]> token;
    private final JvmGcMetrics gc;
    private final Counter rateLimited;

    private Monitoring(PrometheusMeterRegistry registry, Optional<String> token) {
        this.registry = registry;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.gc = new JvmGcMetrics();
        gc.bindTo(registry);
        this.rateLimited = Counter.builder("bullion.rate.limited")
                .description("Requests refused with 429: a client over its request or live-stream limit, or too many"
                        + " tables opened")
                .register(registry);
    }

    /**
     * A new registry with the JVM's figures (memory, GC, threads, classes, CPU, uptime) bound. {@code metricsToken}
     * empty: nobody may read it over HTTP.
     *
     * @throws IllegalArgumentException if the token is shorter than 16 characters or holds anything but visible ASCII
     */
    public static Monitoring start(Optional<String> metricsToken) {
        metricsToken.ifPresent(Monitoring::requireValidToken);
        return new Monitoring(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), metricsToken);
    }

    /** @throws IllegalArgumentException if {@code token} is shorter than 16 characters or holds anything but visible ASCII */
    public static void requireValidToken(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException(
                    "the metrics token must be 16 to 512 visible ASCII characters (no spaces), e.g. the output of"
                            + " `openssl rand -hex 32`");
        }
    }

    /** The registry the engine and the web report into. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Whether {@code /metrics} is served at all. */
    boolean served() {
        return token.isPresent();
    }

    /** Whether {@code authorization} (the header, or null) presents the metrics token; compared in constant time. */
    boolean authorizes(String authorization) {
        if (token.isEmpty() || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] presented = authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token.get());
    }

    String scrape() {
        return registry.scrape();
    }

    /** Live streams open on this node now (pages and API alike). */
    public void viewers(java.util.function.IntSupplier count) {
        io.micrometer.core.instrument.Gauge.builder("bullion.viewers.live", count::getAsInt)
                .description("Live streams (Server-Sent Events) open on this node")
                .register(registry);
    }

    /** A request refused with 429. */
    public void rateLimited() {
        rateLimited.increment();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}

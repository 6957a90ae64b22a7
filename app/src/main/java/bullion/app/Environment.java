package bullion.app;

import bullion.engine.EngineSettings;
import bullion.engine.persistence.DatabaseSettings;
import bullion.web.WebSettings;
import bullion.web.ops.Monitoring;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Bullion's settings from environment variables (the README's table lists them). A variable that is not
 * set leaves the default where it lives: {@link EngineSettings#singleNode} for the engine,
 * {@link WebSettings#defaults} for the web server; only the embedded database's directory is defaulted here.
 *
 * @param metricsToken the bearer token {@code /metrics} asks for; empty (the default): no {@code /metrics} at all
 */
record Environment(EngineSettings engine, WebSettings web, Optional<String> metricsToken) {

    static Environment from(Map<String, String> env) {
        DatabaseSettings database = !env.containsKey("BULLION_DB_URL")
                ? DatabaseSettings.embedded(Path.of(env.getOrDefault("BULLION_DATA_DIR", "./data")))
                : DatabaseSettings.fromUrl(
                        env.get("BULLION_DB_URL"), env.get("BULLION_DB_USER"), env.get("BULLION_DB_PASSWORD"));
        EngineSettings engineDefaults = EngineSettings.singleNode(database);
        EngineSettings engine = engineDefaults
                .withSnapshotEvery(integer(env, "BULLION_SNAPSHOT_EVERY").orElse(engineDefaults.snapshotEvery()))
                .withPassivateAfter(integer(env, "BULLION_PASSIVATE_AFTER_MINUTES")
                        .<Duration>map(Duration::ofMinutes)
                        .orElse(engineDefaults.passivateAfter()))
                .withDatabaseWait(integer(env, "BULLION_DB_WAIT_SECONDS")
                        .<Duration>map(seconds -> {
                            if (seconds < 0) {
                                throw new IllegalArgumentException(
                                        "BULLION_DB_WAIT_SECONDS must not be negative, not " + seconds);
                            }
                            return Duration.ofSeconds(seconds);
                        })
                        .orElse(engineDefaults.databaseWait()))
                .withCluster(
                        env.getOrDefault("BULLION_CLUSTER_HOST", engineDefaults.clusterHost()),
                        integer(env, "BULLION_CLUSTER_PORT").orElse(engineDefaults.clusterPort()),
                        Optional.ofNullable(env.get("BULLION_SEED_NODES"))
                                .map(Environment::seeds)
                                .orElse(engineDefaults.seedNodes()));
        WebSettings webDefaults = WebSettings.defaults();
        WebSettings.Limits limits = webDefaults.limits();
        limits = limits.withRequests(
                        positive(env, "BULLION_RATE_LIMIT_BURST").orElse(limits.requestBurst()),
                        positive(env, "BULLION_RATE_LIMIT_PER_SECOND")
                                .map(Environment::perMinute)
                                .orElse(limits.requestsPerMinute()))
                .withTableOpensPerMinute(positive(env, "BULLION_RATE_LIMIT_TABLE_OPENS_PER_MINUTE")
                        .orElse(limits.tableOpensPerMinute()))
                .withConnections(
                        positive(env, "BULLION_HTTP_MAX_CONNECTIONS").orElse(limits.maxConnections()),
                        positive(env, "BULLION_HTTP_MAX_CONNECTIONS_PER_CLIENT")
                                .orElse(limits.maxConnectionsPerClient()),
                        positive(env, "BULLION_LIVE_STREAMS_PER_CLIENT").orElse(limits.liveStreamsPerClient()),
                        positive(env, "BULLION_HTTP_REQUEST_DEADLINE_SECONDS")
                                .<Duration>map(Duration::ofSeconds)
                                .orElse(limits.requestDeadline()));
        WebSettings web = webDefaults
                .withLimits(limits)
                .withHost(env.getOrDefault("BULLION_HTTP_HOST", webDefaults.host()))
                .withPort(integer(env, "BULLION_HTTP_PORT").orElse(webDefaults.port()))
                .withTrustProxy(bool(env, "BULLION_TRUST_PROXY").orElse(webDefaults.trustProxy()));
        String publicUrl = env.get("BULLION_PUBLIC_URL");
        if (publicUrl != null && !publicUrl.isBlank()) {
            try {
                web = web.withPublicUrl(publicUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("BULLION_PUBLIC_URL: " + e.getMessage(), e);
            }
        }
        LogFormat.of(env); // read by logback itself; checked here so a wrong value stops start-up by name
        Optional<String> metricsToken =
                Optional.ofNullable(env.get("BULLION_METRICS_TOKEN")).filter(token -> !token.isBlank());
        try {
            metricsToken.ifPresent(Monitoring::requireValidToken);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("BULLION_METRICS_TOKEN: " + e.getMessage(), e);
        }
        return new Environment(engine, web, metricsToken);
    }

    private static List<String> seeds(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(seed -> !seed.isEmpty())
                .toList();
    }

    /** The variable as true or false; empty when it is not set (or blank), so the caller keeps its default. */
    private static Optional<Boolean> bool(Map<String, String> env, String name) {
        String value = env.getOrDefault(name, "").strip();
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "" -> Optional.empty();
            case "false" -> Optional.of(false);
            case "true" -> Optional.of(true);
            default -> throw new IllegalArgumentException(name + " must be true or false, not \"" + value + "\"");
        };
    }

    /** The limiter counts a minute's allowance in an {@code int}: a rate past that is refused by name, not overflowed. */
    private static int perMinute(int perSecond) {
        int most = Integer.MAX_VALUE / 60;
        if (perSecond > most) {
            throw new IllegalArgumentException(
                    "BULLION_RATE_LIMIT_PER_SECOND must be at most " + most + ", not " + perSecond);
        }
        return perSecond * 60;
    }

    /** The variable as a whole number above zero; empty when it is not set (or blank). */
    private static Optional<Integer> positive(Map<String, String> env, String name) {
        Optional<Integer> value = integer(env, name);
        if (value.isPresent() && value.get() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value.get());
        }
        return value;
    }

    /** The variable as a whole number; empty when it is not set (or blank), so the caller keeps its default. */
    private static Optional<Integer> integer(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not \"" + value + "\"", e);
        }
    }
}

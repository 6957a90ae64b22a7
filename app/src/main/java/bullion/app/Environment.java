package bullion.app;

import bullion.engine.EngineSettings;
import bullion.engine.persistence.DatabaseSettings;
import bullion.web.WebSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads Bullion's settings from environment variables. Without any, Bullion runs on an embedded H2 file
 * under ./data and serves http://127.0.0.1:8080.
 *
 * <ul>
 *   <li>{@code BULLION_DATA_DIR} (default ./data): where the embedded database lives.</li>
 *   <li>{@code BULLION_DB_URL}, {@code BULLION_DB_USER}, {@code BULLION_DB_PASSWORD}: PostgreSQL instead.</li>
 *   <li>{@code BULLION_HTTP_HOST} (127.0.0.1), {@code BULLION_HTTP_PORT} (8080).</li>
 *   <li>{@code BULLION_SNAPSHOT_EVERY} (100 events), {@code BULLION_PASSIVATE_AFTER_MINUTES} (30).</li>
 *   <li>{@code BULLION_CLUSTER_HOST} (127.0.0.1), {@code BULLION_CLUSTER_PORT} (0: any free port, fine alone),
 *       {@code BULLION_SEED_NODES}: comma-separated {@code pekko://bullion@host:port} addresses to join; none
 *       means a single node that joins itself.</li>
 *   <li>{@code BULLION_PUBLIC_URL} (unset): the origin people reach Bullion at, behind a reverse proxy.</li>
 *   <li>{@code BULLION_TRUST_PROXY} (false): rate-limit by the last X-Forwarded-For address.</li>
 * </ul>
 */
record Environment(EngineSettings engine, WebSettings web) {

  static Environment from(Map<String, String> env) {
    DatabaseSettings database = env.containsKey("BULLION_DB_URL")
        ? DatabaseSettings.postgres(env.get("BULLION_DB_URL"), env.get("BULLION_DB_USER"), env.get("BULLION_DB_PASSWORD"))
        : DatabaseSettings.h2File(Path.of(env.getOrDefault("BULLION_DATA_DIR", "./data")));
    EngineSettings engine = EngineSettings.singleNode(database)
        .withSnapshotEvery(integer(env, "BULLION_SNAPSHOT_EVERY", 100))
        .withPassivateAfter(Duration.ofMinutes(integer(env, "BULLION_PASSIVATE_AFTER_MINUTES", 30)))
        .withCluster(env.getOrDefault("BULLION_CLUSTER_HOST", "127.0.0.1"), integer(env, "BULLION_CLUSTER_PORT", 0),
            seeds(env.getOrDefault("BULLION_SEED_NODES", "")));
    WebSettings web = WebSettings.defaults()
        .withHost(env.getOrDefault("BULLION_HTTP_HOST", "127.0.0.1"))
        .withPort(integer(env, "BULLION_HTTP_PORT", 8080))
        .withTrustProxy(bool(env, "BULLION_TRUST_PROXY"));
    String publicUrl = env.get("BULLION_PUBLIC_URL");
    if (publicUrl != null && !publicUrl.isBlank()) {
      try {
        web = web.withPublicUrl(publicUrl);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("BULLION_PUBLIC_URL: " + e.getMessage(), e);
      }
    }
    return new Environment(engine, web);
  }

  private static List<String> seeds(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).filter(seed -> !seed.isEmpty()).toList();
  }

  private static boolean bool(Map<String, String> env, String name) {
    String value = env.getOrDefault(name, "").strip();
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "", "false" -> false;
      case "true" -> true;
      default -> throw new IllegalArgumentException(name + " must be true or false, not \"" + value + "\"");
    };
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not \"" + value + "\"", e);
    }
  }
}

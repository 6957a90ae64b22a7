package bullion.app;

import java.time.Duration;
import java.util.Map;

/**
 * {@code BULLION_DRAIN_SECONDS}: how long a node that got SIGTERM goes on serving while it already says it is not ready
 * ({@code /health/ready} answers 503), so that a load balancer which follows readiness has stopped sending it requests
 * before it stops taking them. It must exceed the balancer's health-check interval plus a request's time: 5 s by default
 * in a cluster (docs/deploy.md's proxy checks every second), none for a node on its own, which has no one to drain to.
 */
final class DrainSetting {

    static final String VARIABLE = "BULLION_DRAIN_SECONDS";
    static final Duration CLUSTER_DEFAULT = Duration.ofSeconds(5);

    private DrainSetting() {}

    static Duration from(Map<String, String> env, boolean clustered) {
        String value = env.getOrDefault(VARIABLE, "").strip();
        if (value.isEmpty()) {
            return clustered ? CLUSTER_DEFAULT : Duration.ZERO;
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds < 0) {
                throw new IllegalArgumentException(VARIABLE + " must not be negative, not " + seconds);
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    VARIABLE + " must be a whole number of seconds, not \"" + value + "\"", e);
        }
    }
}

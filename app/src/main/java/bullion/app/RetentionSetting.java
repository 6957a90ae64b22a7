package bullion.app;

import bullion.engine.EngineSettings;
import bullion.engine.TableSystem;
import bullion.engine.backup.RetentionSweep;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code BULLION_RETENTION_DAYS}: unset (the default), closed tables are kept for ever; a whole number of days N ≥ 1
 * deletes closed tables whose last close, reopen or payment mark is more than N days old ({@link RetentionSweep}).
 */
final class RetentionSetting {

    static final String VARIABLE = "BULLION_RETENTION_DAYS";

    private RetentionSetting() {}

    /** How long closed tables are kept; empty for ever. */
    static Optional<Duration> from(Map<String, String> env) {
        String value = env.getOrDefault(VARIABLE, "").strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int days = Integer.parseInt(value);
            if (days < 1) {
                throw new IllegalArgumentException(
                        VARIABLE + " must be at least 1 (or unset to keep tables), not " + days);
            }
            return Optional.of(Duration.ofDays(days));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(VARIABLE + " must be a whole number of days, not \"" + value + "\"", e);
        }
    }

    /** The scheduled sweep, if retention is on. */
    static Optional<RetentionSweep> start(Optional<Duration> keepFor, TableSystem system, EngineSettings engine) {
        return keepFor.map(
                keep -> RetentionSweep.of(system, engine.database(), keep, engine.askTimeout(), Clock.systemUTC())
                        .scheduled());
    }
}

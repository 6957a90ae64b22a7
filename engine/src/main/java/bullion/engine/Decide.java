package bullion.engine;

import bullion.core.Command;
import bullion.core.Decision;
import bullion.core.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * The decide function a table calls: in production the core's {@link bullion.core.CommandDecider#decide}; a test
 * may pass its own to {@link TableSystem#start(EngineSettings, Decide)} to inject a fault or a delay.
 */
@FunctionalInterface
public interface Decide {

    Decision decide(Optional<Table> table, Command command, Instant now);
}

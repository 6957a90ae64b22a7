package bullion.engine.entity;

import bullion.core.Command;
import bullion.core.CommandDecider;
import bullion.core.Decision;
import bullion.core.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * The decide function the entity calls. Production uses the core's; tests may wrap it to inject a fault and
 * watch supervision restart the table.
 */
@FunctionalInterface
public interface Rules {

  Rules CORE = CommandDecider::decide;

  Decision decide(Optional<Table> table, Command command, Instant now);
}

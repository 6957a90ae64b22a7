package bullion.engine;

import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a warm-up (code a fresh JVM would otherwise run for the first time inside a real request) on a daemon thread
 * of its own, beside the start and not waited for. A failure is logged and never stops the node: a warm-up is only
 * that (ARCHITECTURE.md, "Warm-ups beside the start").
 */
public final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

    private WarmUp() {}

    /** Starts {@code work} as the warm-up of {@code what}; it returns how many things it ran through, for the log. */
    public static Thread start(String what, IntSupplier work) {
        return Thread.ofPlatform().name("bullion-warm-up-" + what).daemon().start(() -> {
            long began = System.nanoTime();
            try {
                int done = work.getAsInt();
                LOG.debug("Warmed {}: {} in {} ms", what, done, (System.nanoTime() - began) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("The warm-up of {} failed (the node goes on): {}", what, e.getMessage(), e);
            }
        });
    }
}

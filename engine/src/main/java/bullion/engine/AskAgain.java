package bullion.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Asks a table again when an ask times out, so a request for a table whose node died waits for the table's new home
 * instead of failing. A message sharding sent to the dead node before the cluster downed it is simply lost (nothing
 * answers, nothing is recorded); once the node is downed sharding gives the table a new home and buffers what is sent
 * meanwhile, so the next attempt gets there. A graceful hand-over (a rolling restart, a rebalance) can lose a message
 * the same way, in the moment between a shard stopping on one node and starting on the next.
 *
 * <p>Asking again is safe only for what cannot happen twice: a view, or a change that carries a request id (the table
 * answers a repeated id with its first outcome and records nothing more) and one deadline for all its attempts (past
 * it the table drops every copy unrecorded). The caller's wait stays what it was: the last attempt waits until
 * {@code giveUpAt}, the moment a single ask would have timed out. At most one attempt is in the air per attempt time, so
 * a call makes at most {@code askUntil / attempt} + 1 attempts.
 */
final class AskAgain {

    private AskAgain() {}

    /**
     * Runs {@code ask} with a timeout of {@code attempt}; when that times out and it is not yet {@code askUntil}, runs
     * it again. An attempt that starts within {@code attempt} of {@code askUntil} is the last and waits until
     * {@code giveUpAt}. Any failure but a timeout ends it at once.
     */
    static <T> CompletionStage<T> within(
            Duration attempt,
            Instant askUntil,
            Instant giveUpAt,
            Clock clock,
            Function<Duration, CompletionStage<T>> ask) {
        Instant now = clock.instant();
        boolean last = !now.plus(attempt).isBefore(askUntil);
        Duration timeout = last ? positive(Duration.between(now, giveUpAt)) : attempt;
        long started = System.nanoTime();
        return ask.apply(timeout).exceptionallyCompose(error -> {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            // Only an attempt that waited out its time is asked again. Pekko also fails an ask at once with a timeout
            // when this node's own sharding has stopped (it is shutting down): asking again would spin until askUntil.
            boolean waitedItsTime = System.nanoTime() - started >= timeout.toNanos() / 2;
            if (last || !waitedItsTime || !(cause instanceof TimeoutException)) {
                return CompletableFuture.failedFuture(cause);
            }
            return within(attempt, askUntil, giveUpAt, clock, ask);
        });
    }

    /** Pekko refuses a zero timeout; a caller whose time is up gets the shortest wait instead. */
    private static Duration positive(Duration timeout) {
        return timeout.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : timeout;
    }
}

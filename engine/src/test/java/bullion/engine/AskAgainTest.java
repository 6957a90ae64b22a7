package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** When the facade asks a table again: only after an attempt waited out its time, and only until the deadline. */
class AskAgainTest {

    private static final Duration ATTEMPT = Duration.ofMillis(100);
    private final Clock clock = Clock.systemUTC();
    private final List<Duration> attempts = new CopyOnWriteArrayList<>();

    @Test
    void anAttemptThatTimesOutIsAskedAgainUntilOneIsAnswered() throws Exception {
        Instant now = clock.instant();
        String answer = AskAgain.within(ATTEMPT, now.plusSeconds(5), now.plusSeconds(10), clock, answeredOnAttempt(3))
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertThat(answer).isEqualTo("answered");
        assertThat(attempts).containsExactly(ATTEMPT, ATTEMPT, ATTEMPT);
    }

    @Test
    void theLastAttemptWaitsUntilTheCallerGivesUpAndNothingIsAskedAfterTheDeadline() {
        Instant now = clock.instant();
        CompletableFuture<String> call = AskAgain.within(
                        ATTEMPT,
                        now.plusMillis(250),
                        now.plusMillis(1_000),
                        clock,
                        answeredOnAttempt(Integer.MAX_VALUE))
                .toCompletableFuture();
        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
        // Attempts start at about 0, 100 and 200 ms; the one within an attempt of the deadline waits for the rest.
        assertThat(attempts).hasSizeBetween(2, 3);
        assertThat(attempts.getLast()).isGreaterThan(Duration.ofMillis(500));
        assertThat(attempts.subList(0, attempts.size() - 1)).containsOnly(ATTEMPT);
    }

    @Test
    void anAskThatFailsAtOnceIsNotAskedAgain() {
        Instant now = clock.instant();
        // What a stopping node's sharding does: the ask fails with a timeout before its time.
        CompletableFuture<String> call = AskAgain.<String>within(
                        ATTEMPT, now.plusSeconds(5), now.plusSeconds(10), clock, timeout -> {
                            attempts.add(timeout);
                            return CompletableFuture.failedFuture(new TimeoutException("recipient terminated"));
                        })
                .toCompletableFuture();
        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(attempts).hasSize(1);
    }

    @Test
    void aFailureOtherThanATimeoutIsTheAnswer() {
        Instant now = clock.instant();
        CompletableFuture<String> call = AskAgain.<String>within(
                        ATTEMPT, now.plusSeconds(5), now.plusSeconds(10), clock, timeout -> {
                            attempts.add(timeout);
                            return CompletableFuture.supplyAsync(
                                    () -> {
                                        throw new IllegalStateException("refused");
                                    },
                                    CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
                        })
                .toCompletableFuture();
        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasSize(1);
    }

    /** An ask that times out (after its whole timeout) until attempt {@code n}, which is answered. */
    private Function<Duration, CompletionStage<String>> answeredOnAttempt(int n) {
        return timeout -> {
            attempts.add(timeout);
            if (attempts.size() >= n) {
                return CompletableFuture.completedFuture("answered");
            }
            CompletableFuture<String> timedOut = new CompletableFuture<>();
            CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> timedOut.completeExceptionally(new TimeoutException("no answer")));
            return timedOut;
        };
    }
}

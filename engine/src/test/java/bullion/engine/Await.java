package bullion.engine;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Waits for a facade answer with a timeout, never a sleep. */
final class Await {

    private Await() {}

    static <T> T result(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer in 20 s", e);
        }
    }

    static Outcome.Done done(CompletionStage<Outcome> stage) {
        Outcome outcome = result(stage);
        if (outcome instanceof Outcome.Done done) {
            return done;
        }
        throw new AssertionError("expected Done, got " + outcome);
    }
}

package bullion.web;

import bullion.core.Command;
import bullion.core.Rejection;
import bullion.engine.NotRecorded;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.Tables;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The facade called straight: requests run on virtual threads, so a handler waits for its table, at most for the
 * facade's own ask timeout, and gets {@link Outcome.Done} or an {@link HttpFailure}. Pages and API share it.
 */
public final class TableCalls {

    private final Tables tables;
    // All clients together: the per-client request limit alone let 40 addresses open 20,000 tables in a minute.
    private final Bucket opens;

    public TableCalls(Tables tables, int tableOpensPerMinute) {
        this.tables = tables;
        this.opens = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(tableOpensPerMinute)
                        .refillGreedy(tableOpensPerMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    public Outcome.Done view(TableId id, Optional<String> manageToken) {
        return done(await(tables.view(id, manageToken)), id, Optional.empty());
    }

    /** {@code field}: where a page shows a rejection of this change (empty for the API). */
    public Outcome.Done change(
            TableId id, String token, Command command, Optional<String> requestId, Optional<String> field) {
        return done(await(tables.change(id, token, command, requestId)), id, field);
    }

    /** A new table, whose outcome is {@link Outcome.Done}; {@code field} places a rejection on the opening form. */
    public Tables.Opened open(Command.OpenTable command, Function<Rejection, Optional<String>> field) {
        takeOpen();
        Tables.Opened opened = await(tables.open(command));
        if (opened.outcome() instanceof Outcome.Refused refused) {
            throw HttpFailure.rejected(refused.why(), field.apply(refused.why()));
        }
        done(opened.outcome(), opened.id(), Optional.empty());
        return opened;
    }

    /**
     * Takes one table open from the allowance of all clients together (a table opened in a group and an import open a
     * table too); 429 past it.
     */
    public void takeOpen() {
        ConsumptionProbe probe = opens.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long wait = Math.max(
                    1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            throw new HttpFailure(
                    429,
                    "Too many tables are being opened just now; try again in " + wait + " s.",
                    Optional.empty(),
                    Optional.empty(),
                    Map.of("Retry-After", String.valueOf(wait)));
        }
    }

    private static Outcome.Done done(Outcome outcome, TableId id, Optional<String> field) {
        return switch (outcome) {
            case Outcome.Done done -> done;
            case Outcome.Refused refused -> throw HttpFailure.rejected(refused.why(), field);
            case Outcome.NotFound notFound -> throw new HttpFailure(404, "There is no table " + id.value() + ".");
            case Outcome.Forbidden forbidden ->
                throw new HttpFailure(403, "The manage token does not match this table.");
            // A form has no Idempotency-Key to name: its request id is a hidden field.
            case Outcome.RequestIdReused reused ->
                throw new HttpFailure(
                        422,
                        field.isPresent()
                                ? "That form was already sent once; look at the table and try again."
                                : "The Idempotency-Key " + reused.requestId()
                                        + " was already used for a different request to this table.",
                        Optional.empty(),
                        field,
                        Map.of());
        };
    }

    /**
     * The facade's ask is bounded; a change it did not record fails with {@link NotRecorded}, which says when to retry;
     * any other timeout (a view's: Pekko's AskTimeoutException) is busy too, and changed nothing.
     */
    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof NotRecorded notRecorded) {
                throw HttpFailure.notRecorded(
                        notRecorded.reason() == NotRecorded.Reason.JOURNAL_UNAVAILABLE
                                ? "the table's storage is unavailable just now"
                                : "the table did not answer in time",
                        notRecorded.retryAfter().toSeconds());
            }
            if (e.getCause() instanceof TimeoutException) {
                throw HttpFailure.notRecorded("the table did not answer in time", HttpFailure.RETRY_AFTER_SECONDS);
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}

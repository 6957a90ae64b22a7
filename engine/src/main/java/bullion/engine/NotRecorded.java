package bullion.engine;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * How a change fails when its table could not record it: the facade's call completes exceptionally with this, and
 * nothing was recorded, so the caller may retry with the same request id. A {@link TimeoutException}, so a caller
 * that only knows timeouts answers 503 as before.
 */
public final class NotRecorded extends TimeoutException {

    public enum Reason {
        /** The table did not answer within the ask timeout; it drops the change when it reaches it past its deadline. */
        TIMED_OUT,
        /** The journal is known to be down (or its disk nearly full): refused at once, without asking the table. */
        JOURNAL_UNAVAILABLE
    }

    private final Reason reason;
    private final Duration retryAfter;

    NotRecorded(Reason reason, Duration retryAfter, String message) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** When a retry has a fair chance: a hint for a {@code Retry-After} header. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

package bullion.engine.ops;

import java.util.Optional;
import org.slf4j.MDC;

/**
 * The request id of the log lines of one HTTP request (its {@code X-Request-Id}; not the {@code Idempotency-Key}, which
 * is never logged). The web puts it in the MDC of the request's thread; the facade reads it there and sends it with
 * the change to the table, whose actor runs on another thread (perhaps on another node) and puts it back in the MDC
 * around its audit lines.
 */
public final class LogContext {

    /** The MDC key, and so the JSON log field under {@code mdc}. */
    public static final String REQUEST_ID = "requestId";

    private LogContext() {}

    /** The request id of the calling thread's request, if it is serving one. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(REQUEST_ID));
    }

    /** Puts {@code requestId} in this thread's MDC until the returned scope is closed (then removes it). */
    public static Scope with(Optional<String> requestId) {
        if (requestId.isEmpty()) {
            return () -> {};
        }
        MDC.put(REQUEST_ID, requestId.get());
        return () -> MDC.remove(REQUEST_ID);
    }

    /** A request id in the MDC for a while; closing it cannot fail. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}

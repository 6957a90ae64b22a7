package bullion.web.ops;

import bullion.engine.ops.LogContext;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * The request id of a request's log lines: the client's (or its proxy's) {@code X-Request-Id} when it is a plain token
 * of at most 64 characters, else a new random one; it is echoed in the answer's {@code X-Request-Id}. It is put in the
 * MDC of the thread the request runs on (a virtual thread of its own; MDC is per thread), and the facade carries it to
 * the table's actor (see {@link LogContext}). It is not the {@code Idempotency-Key} and decides nothing.
 */
public final class RequestLogId {

    public static final String HEADER = "X-Request-Id";

    private RequestLogId() {}

    /** Takes or makes the request's id, puts it in this thread's MDC and in the answer's headers. */
    public static void begin(Context ctx) {
        String id = Optional.ofNullable(ctx.header(HEADER))
                .map(String::strip)
                .filter(RequestLogId::sane)
                .orElseGet(RequestLogId::fresh);
        MDC.put(LogContext.REQUEST_ID, id);
        ctx.header(HEADER, id);
    }

    /**
     * 1 to 64 letters, digits and {@code . _ : -}: what proxies generate (hex, UUIDs), and nothing that can break a log
     * line. Read by hand, not by a regular expression, as it is read on every request that sends one (issue 14).
     */
    static boolean sane(String id) {
        int length = id.length();
        if (length < 1 || length > 64) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random version-4 UUID from {@link ThreadLocalRandom}: it only has to tell one request's log lines from another's,
     * and {@link UUID#randomUUID()} draws on the shared {@code SecureRandom} (a lock and a mix of the system's entropy)
     * for every request.
     */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // the IETF variant
        return new UUID(high, low).toString();
    }

    /** Takes the id out of this thread's MDC once the request is answered. */
    public static void end() {
        MDC.remove(LogContext.REQUEST_ID);
    }
}

package bullion.web;

import bullion.core.Rejection;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.Optional;

/**
 * The one way a request fails: Javalin's own exception, with what a problem or a page needs besides status and
 * detail. {@code rejection} names the core's rejection (the problem's {@code rejection} member); {@code field}
 * names the part of the request the detail is about (a form's control, so a page can show it beside it);
 * {@code headers} go out with the answer. {@link WebServer}'s one mapper answers every failure.
 */
public final class HttpFailure extends HttpResponseException {

    /** What a busy answer asks a client (and a person) to wait before trying again, unless the facade says. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final transient Optional<String> rejection;
    private final transient Optional<String> field;
    private final transient Map<String, String> headers;

    public HttpFailure(
            int status,
            String detail,
            Optional<String> rejection,
            Optional<String> field,
            Map<String, String> headers) {
        super(status, detail, Map.of());
        this.rejection = rejection;
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    public HttpFailure(int status, String detail) {
        this(status, detail, Optional.empty(), Optional.empty(), Map.of());
    }

    /** A form's own refusal of what was typed into {@code field}, before the core sees it. */
    public static HttpFailure at(String field, String detail) {
        return new HttpFailure(422, detail, Optional.empty(), Optional.of(field), Map.of());
    }

    /** The core's rejection: its kind picks the status, its sentence is the detail. */
    public static HttpFailure rejected(Rejection why, Optional<String> field) {
        int status = switch (why) {
            case Rejection.InvalidInput invalid -> 400;
            case Rejection.NotFound notFound -> 404;
            case Rejection.Conflict conflict -> 409;
        };
        return new HttpFailure(status, why.message(), Optional.of(why.getClass().getSimpleName()), field, Map.of());
    }

    /**
     * A table that did not answer in time, or whose journal is down: busy, not broken. The facade fails only what it
     * did not record, so the answer says so, and a retry with the same request id is recorded at most once.
     */
    public static HttpFailure notRecorded(String why, long retryAfterSeconds) {
        return new HttpFailure(
                503,
                "Not recorded: " + why + ". Retry with the same Idempotency-Key; a change is recorded "
                        + "at most once.",
                Optional.empty(),
                Optional.empty(),
                Map.of("Retry-After", String.valueOf(Math.max(1, retryAfterSeconds))));
    }

    public Optional<String> rejection() {
        return rejection;
    }

    public Optional<String> field() {
        return field;
    }

    public Map<String, String> headers() {
        return headers;
    }
}

package bullion.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A change of a table's state kept with its time: closed, reopened, a payment marked paid or unmarked. */
public record Milestone(Instant at, Kind kind, Optional<Integer> payment) {

    public enum Kind {
        CLOSED,
        REOPENED,
        PAYMENT_MARKED,
        PAYMENT_UNMARKED
    }

    public Milestone {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        payment = payment == null ? Optional.empty() : payment;
    }
}

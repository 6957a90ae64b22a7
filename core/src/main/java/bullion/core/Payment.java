package bullion.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One payment of the settle-up, numbered {@code n} from 1 within its plan. A closed table's plan is frozen, so
 * its numbers are stable and a payment can be marked paid ({@code paidAt}) and unmarked.
 */
public record Payment(int n, Party from, Party to, Money amount, Optional<Instant> paidAt) {

    public Payment {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        paidAt = paidAt == null ? Optional.empty() : paidAt;
        if (n < 1 || amount.signum() <= 0) {
            throw new IllegalArgumentException("a payment is numbered from 1 and moves a positive amount");
        }
    }

    public boolean paid() {
        return paidAt.isPresent();
    }

    public Transfer transfer() {
        return new Transfer(from, to, amount);
    }

    Payment markedAt(Optional<Instant> when) {
        return new Payment(n, from, to, amount, when);
    }
}

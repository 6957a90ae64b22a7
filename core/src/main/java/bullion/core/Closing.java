package bullion.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A closed table's settle-up, frozen when it closed: what became of chips still out, and the payments (with
 * their paid marks). Reading a closed table never recomputes the plan.
 */
public record Closing(Instant at, MissingChips missingChips, List<Payment> payments) {

    public Closing {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(missingChips, "missingChips");
        payments = List.copyOf(payments);
    }

    public boolean everyPaymentMarked() {
        return payments.stream().allMatch(Payment::paid);
    }

    public long marked() {
        return payments.stream().filter(Payment::paid).count();
    }
}

package bullion.core;

import java.util.List;
import java.util.Optional;

/**
 * Who pays whom. {@code complete} once no chips are left on the table, or once the table is closed (then
 * {@code discrepancy} says how many chips were still out and what became of them). Until then {@code payments}
 * is empty. On a closed table the payments are the frozen plan, with their paid marks; on an open one they are
 * what the plan would be now, numbered but not stable.
 */
public record Settlement(boolean complete, List<Payment> payments, Optional<Discrepancy> discrepancy) {

    public Settlement {
        payments = List.copyOf(payments);
    }

    /** The payments without their numbers and marks. */
    public List<Transfer> transfers() {
        return payments.stream().map(Payment::transfer).toList();
    }

    /** How many payments are marked paid. */
    public long paidCount() {
        return payments.stream().filter(Payment::paid).count();
    }

    static Settlement pending() {
        return new Settlement(false, List.of(), Optional.empty());
    }
}

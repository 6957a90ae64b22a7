package bullion.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a table's append-only ledger: a buy-in of {@code quantity} standard buy-ins or chips (its
 * {@code unit}), paid in cash or on credit, or a cash-out of {@code quantity} chips. A voided entry stays in the
 * ledger, marked, and stops counting.
 */
public record Entry(
        int seq, Instant at, int playerId, Kind kind, long quantity, Optional<Voiding> voiding, Unit unit, Paid paid) {

    public enum Kind {
        BUY_IN,
        CASH_OUT
    }

    /** What {@code quantity} counts: standard buy-ins, or chips (always for a cash-out). */
    public enum Unit {
        BUY_INS,
        CHIPS
    }

    /** Why and when an entry stopped counting; the reason may be empty. */
    public record Voiding(Instant at, String reason) {
        public Voiding {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A buy-in of standard buy-ins on credit, or a cash-out: every entry before chip and cash buy-ins. */
    public Entry(int seq, Instant at, int playerId, Kind kind, long quantity, Optional<Voiding> voiding) {
        this(seq, at, playerId, kind, quantity, voiding, kind == Kind.BUY_IN ? Unit.BUY_INS : Unit.CHIPS, Paid.DEFAULT);
    }

    public Entry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(voiding, "voiding");
        unit = unit == null ? (kind == Kind.BUY_IN ? Unit.BUY_INS : Unit.CHIPS) : unit;
        paid = paid == null ? Paid.DEFAULT : paid;
        if (kind == Kind.CASH_OUT && unit != Unit.CHIPS) {
            throw new IllegalArgumentException("a cash-out is counted in chips");
        }
    }

    /** The chips this entry moved: a buy-in's count times the chips per buy-in, or its chips; a cash-out's chips. */
    public long chips(long chipsPerBuyIn) {
        return unit == Unit.BUY_INS ? Math.multiplyExact(quantity, chipsPerBuyIn) : quantity;
    }

    /** The standard buy-ins this entry counts: a count buy-in's count, zero for chips and cash-outs. */
    public long buyIns() {
        return kind == Kind.BUY_IN && unit == Unit.BUY_INS ? quantity : 0;
    }

    /**
     * The money a buy-in costs: its count times the price, or its chips at the chip price (whole minor units, as the
     * decider made sure); empty for a cash-out, whose value depends on rounding: see TableReport.
     */
    public Optional<Money> amount(TableTerms settings) {
        if (kind != Kind.BUY_IN) {
            return Optional.empty();
        }
        return Optional.of(
                unit == Unit.BUY_INS
                        ? settings.buyIn().times(quantity)
                        : settings.priceOfChips(quantity)
                                .orElseThrow(() -> new IllegalStateException("chip buy-in of part of a minor unit")));
    }

    /** Same as {@link #amount}: the money a buy-in paid. */
    public Optional<Money> paid(TableTerms settings) {
        return amount(settings);
    }

    /** The cash this entry put in the bank: a counting cash buy-in's amount, else zero. */
    public Money cash(TableTerms settings) {
        return kind == Kind.BUY_IN && paid == Paid.CASH && counts()
                ? amount(settings).orElseThrow()
                : Money.zero(settings.currency());
    }

    public boolean voided() {
        return voiding.isPresent();
    }

    public boolean counts() {
        return voiding.isEmpty();
    }

    Entry voidedAt(Instant when, String reason) {
        return new Entry(seq, at, playerId, kind, quantity, Optional.of(new Voiding(when, reason)), unit, paid);
    }
}

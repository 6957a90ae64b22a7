package bullion.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a table's append-only ledger: a buy-in of {@code quantity} standard buy-ins, or a cash-out
 * of {@code quantity} chips. A voided entry stays in the ledger, marked, and stops counting.
 */
public record Entry(int seq, Instant at, int playerId, Kind kind, long quantity, Optional<Voiding> voiding) {

  public enum Kind { BUY_IN, CASH_OUT }

  /** Why and when an entry stopped counting; the reason may be empty. */
  public record Voiding(Instant at, String reason) {
    public Voiding {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(reason, "reason");
    }
  }

  public Entry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(voiding, "voiding");
  }

  /** The chips this entry moved: a buy-in's count times the chips per buy-in, or a cash-out's chips. */
  public long chips(long chipsPerBuyIn) {
    return kind == Kind.BUY_IN ? Math.multiplyExact(quantity, chipsPerBuyIn) : quantity;
  }

  /** The money a buy-in paid (its count times the price); a cash-out's value depends on rounding: see TableReport. */
  public Optional<Money> paid(TableTerms settings) {
    return kind == Kind.BUY_IN ? Optional.of(settings.buyIn().times(quantity)) : Optional.empty();
  }

  public boolean voided() {
    return voiding.isPresent();
  }

  public boolean counts() {
    return voiding.isEmpty();
  }

  Entry voidedAt(Instant when, String reason) {
    return new Entry(seq, at, playerId, kind, quantity, Optional.of(new Voiding(when, reason)));
  }
}

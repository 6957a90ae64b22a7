package bullion.core;

import java.util.List;
import java.util.Optional;

/**
 * Who pays whom. {@code complete} once no chips are left on the table, or once the table is closed with chips
 * missing (then {@code discrepancy} says how many). Until then {@code transfers} is empty.
 */
public record Settlement(boolean complete, List<Transfer> transfers, Optional<Discrepancy> discrepancy) {

  public Settlement {
    transfers = List.copyOf(transfers);
  }

  static Settlement pending() {
    return new Settlement(false, List.of(), Optional.empty());
  }
}

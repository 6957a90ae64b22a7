package bullion.core;

import java.math.BigDecimal;
import java.util.Optional;

/** Everything a person can ask of a table. Each is decided by {@link CommandDecider} into events or a rejection. */
public sealed interface Command {

  /**
   * Open a new table. The values are raw input: the decider checks every one of them. A null or blank
   * currency code means USD.
   */
  record OpenTable(String name, String currencyCode, BigDecimal buyIn, long chipsPerBuyIn) implements Command {}

  record AddPlayer(String name) implements Command {}

  /** Buy {@code count} standard buy-ins (a first buy-in or a rebuy). */
  record BuyIn(int playerId, long count) implements Command {}

  /** Hand back {@code chips} chips for money; a player may cash out several times. */
  record CashOut(int playerId, long chips) implements Command {}

  record VoidEntry(int seq, Optional<String> reason) implements Command {
    public VoidEntry {
      reason = reason == null ? Optional.empty() : reason;
    }
  }

  record CloseTable() implements Command {}

  record ReopenTable() implements Command {}
}

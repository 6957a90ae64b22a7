package bullion.core;

/**
 * Why a command was refused, as a value with a sentence a person can read. A rejected command changes nothing.
 * {@link Kind} sorts rejections for delivery layers: bad input, something that does not exist, or a rule of
 * the game.
 */
public sealed interface Rejection {

  String message();

  Kind kind();

  enum Kind { INVALID_INPUT, NOT_FOUND, CONFLICT }

  record InvalidTableName(String problem) implements Rejection {
    public String message() { return "Table name " + problem + "."; }
    public Kind kind() { return Kind.INVALID_INPUT; }
  }

  record UnknownCurrency(String code) implements Rejection {
    public String message() { return "\"" + code + "\" is not an ISO 4217 currency code with a minor unit."; }
    public Kind kind() { return Kind.INVALID_INPUT; }
  }

  record BuyInNotPositive(String amount) implements Rejection {
    public String message() { return "The buy-in price must be more than zero, not " + amount + "."; }
    public Kind kind() { return Kind.INVALID_INPUT; }
  }

  record BuyInTooPrecise(String amount, String currencyCode, int digits) implements Rejection {
    public String message() {
      return "A buy-in of " + amount + " has more than the " + digits + " decimal places " + currencyCode + " allows.";
    }
    public Kind kind() { return Kind.INVALID_INPUT; }
  }

  record BuyInTooLarge(String amount, String limit) implements Rejection {
    public String message() { return "A buy-in of " + amount + " is more than the largest allowed, " + limit + "."; }
    public Kind kind() { return Kind.INVALID_INPUT; }
  }

  record ChipsPerBuyInOutOfRange(long chips, long max) implements Rejection {
    public String message() { return "Chips per buy-in must be a whole number from 1 to " + max + ", not " + chips + "."; }
    public Kind kind() { return Kind.INVALID_INPUT; }
  }

  record TableAlreadyOpen() implements Rejection {
    public String message() { return "This table is already open."; }
    public Kind kind() { return Kind.CONFLICT; }
  }

  record TableNotOpen() implements Rejection {
    public String message() { return "There is no such table."; }
    public Kind kind() { return Kind.NOT_FOUND; }
  }

  record InvalidPlayerName(String problem) implements Rejection {
    public String message() { return "Player name " + problem + "."; }
    public Kind kind() { return Kind.INVALID_INPUT; }
  }

  record DuplicatePlayerName(String name) implements Rejection {
    public String message() { return "A player named " + name + " is already at this table."; }
    public Kind kind() { return Kind.CONFLICT; }
  }

  record UnknownPlayer(int playerId) implements Rejection {
    public String message() { return "There is no player " + playerId + " at this table."; }
    public Kind kind() { return Kind.NOT_FOUND; }
  }

  record BuyInCountOutOfRange(long count, long max) implements Rejection {
    public String message() { return "A buy-in is for 1 to " + max + " buy-ins at once, not " + count + "."; }
    public Kind kind() { return Kind.INVALID_INPUT; }
  }

  record TableLimitReached(long limit) implements Rejection {
    public String message() {
      return "This table has taken in as much as one table may (" + limit + " chips or minor units); open another.";
    }
    public Kind kind() { return Kind.CONFLICT; }
  }

  record NegativeCashOut(long chips) implements Rejection {
    public String message() { return "A cash-out cannot be a negative number of chips (" + chips + ")."; }
    public Kind kind() { return Kind.INVALID_INPUT; }
  }

  record NotEnoughChipsOnTable(long requested, long onTable) implements Rejection {
    public String message() {
      return "Only " + onTable + " chips are still on the table; cannot cash out " + requested + ".";
    }
    public Kind kind() { return Kind.CONFLICT; }
  }

  record UnknownEntry(int seq) implements Rejection {
    public String message() { return "There is no ledger entry " + seq + " at this table."; }
    public Kind kind() { return Kind.NOT_FOUND; }
  }

  record EntryAlreadyVoided(int seq) implements Rejection {
    public String message() { return "Entry " + seq + " is already voided."; }
    public Kind kind() { return Kind.CONFLICT; }
  }

  record VoidWouldLeaveTooFewChips(int seq, long chipsOfEntry, long onTable) implements Rejection {
    public String message() {
      return "Voiding entry " + seq + " would take back " + chipsOfEntry + " chips, but only " + onTable
          + " are still on the table; void a cash-out first.";
    }
    public Kind kind() { return Kind.CONFLICT; }
  }

  record ReasonTooLong(int length, int max) implements Rejection {
    public String message() { return "A reason may be at most " + max + " characters, not " + length + "."; }
    public Kind kind() { return Kind.INVALID_INPUT; }
  }

  record TableClosed() implements Rejection {
    public String message() { return "The table is closed; reopen it to change anything."; }
    public Kind kind() { return Kind.CONFLICT; }
  }

  record TableAlreadyClosed() implements Rejection {
    public String message() { return "The table is already closed."; }
    public Kind kind() { return Kind.CONFLICT; }
  }

  record TableNotClosed() implements Rejection {
    public String message() { return "The table is open; only a closed table can be reopened."; }
    public Kind kind() { return Kind.CONFLICT; }
  }
}

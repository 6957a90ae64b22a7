package bullion.core;

/**
 * Why a command was refused, as a value with a sentence a person can read. A rejected command changes nothing.
 * The kind is the type: every rejection is {@link InvalidInput}, {@link NotFound} or {@link Conflict}, which
 * delivery layers map to their own failures.
 */
public sealed interface Rejection {

    String message();

    /** The command itself is malformed: no table could accept it. */
    sealed interface InvalidInput extends Rejection {}

    /** The command names something (a table, a player, an entry) that does not exist. */
    sealed interface NotFound extends Rejection {}

    /** The command is well formed but the table's current state forbids it. */
    sealed interface Conflict extends Rejection {}

    record InvalidTableName(String problem) implements InvalidInput {
        public String message() {
            return "Table name " + problem + ".";
        }
    }

    record UnknownCurrency(String code) implements InvalidInput {
        public String message() {
            return "\"" + code + "\" is not an ISO 4217 currency code with a minor unit.";
        }
    }

    record BuyInNotPositive(String amount) implements InvalidInput {
        public String message() {
            return "The buy-in price must be more than zero, not " + amount + ".";
        }
    }

    record BuyInTooPrecise(String amount, String currencyCode, int digits) implements InvalidInput {
        public String message() {
            return "A buy-in of " + amount + " has more than the " + digits + " decimal places " + currencyCode
                    + " allows.";
        }
    }

    record BuyInTooLarge(String amount, String limit) implements InvalidInput {
        public String message() {
            return "A buy-in of " + amount + " is more than the largest allowed, " + limit + ".";
        }
    }

    record ChipsPerBuyInOutOfRange(long chips, long max) implements InvalidInput {
        public String message() {
            return "Chips per buy-in must be a whole number from 1 to " + max + ", not " + chips + ".";
        }
    }

    record TableAlreadyOpen() implements Conflict {
        public String message() {
            return "This table is already open.";
        }
    }

    record TableNotOpen() implements NotFound {
        public String message() {
            return "There is no such table.";
        }
    }

    record InvalidPlayerName(String problem) implements InvalidInput {
        public String message() {
            return "Player name " + problem + ".";
        }
    }

    record DuplicatePlayerName(String name) implements Conflict {
        public String message() {
            return "A player named " + name + " is already at this table.";
        }
    }

    record UnknownPlayer(int playerId) implements NotFound {
        public String message() {
            return "There is no player " + playerId + " at this table.";
        }
    }

    record BuyInCountOutOfRange(long count, long max) implements InvalidInput {
        public String message() {
            return "A buy-in is for 1 to " + max + " buy-ins at once, not " + count + ".";
        }
    }

    record TableLimitReached(long limit) implements Conflict {
        public String message() {
            return "This table has taken in as much as one table may (" + limit
                    + " chips or minor units); open another.";
        }
    }

    record NegativeCashOut(long chips) implements InvalidInput {
        public String message() {
            return "A cash-out cannot be a negative number of chips (" + chips + ").";
        }
    }

    record NotEnoughChipsOnTable(long requested, long onTable) implements Conflict {
        public String message() {
            return "Only " + onTable + " chips are still on the table; cannot cash out " + requested + ".";
        }
    }

    record UnknownEntry(int seq) implements NotFound {
        public String message() {
            return "There is no ledger entry " + seq + " at this table.";
        }
    }

    record EntryAlreadyVoided(int seq) implements Conflict {
        public String message() {
            return "Entry " + seq + " is already voided.";
        }
    }

    record VoidWouldLeaveTooFewChips(int seq, long chipsOfEntry, long onTable) implements Conflict {
        public String message() {
            return "Voiding entry " + seq + " would take back " + chipsOfEntry + " chips, but only " + onTable
                    + " are still on the table; void a cash-out first.";
        }
    }

    record ReasonTooLong(int length, int max) implements InvalidInput {
        public String message() {
            return "A reason may be at most " + max + " characters, not " + length + ".";
        }
    }

    record ReasonHasControlCharacters() implements InvalidInput {
        public String message() {
            return "A reason must not contain control characters, such as line breaks.";
        }
    }

    record TableClosed() implements Conflict {
        public String message() {
            return "The table is closed; reopen it to change anything.";
        }
    }

    record TableAlreadyClosed() implements Conflict {
        public String message() {
            return "The table is already closed.";
        }
    }

    record TableNotClosed() implements Conflict {
        public String message() {
            return "The table is open; only a closed table can be reopened.";
        }
    }

    record ChipCountOutOfRange(long chips, long max) implements InvalidInput {
        public String message() {
            return "A chip buy-in is for 1 to " + max + " chips at once, not " + chips + ".";
        }
    }

    /** A chip buy-in that would cost part of a minor unit; {@code lower} is 0 when no smaller count works. */
    record ChipBuyInNotWholeMinorUnits(long chips, String price, long chipsPerBuyIn, long lower, long higher)
            implements InvalidInput {
        public String message() {
            return chips + " chip" + (chips == 1 ? "" : "s") + " at " + price + " for " + chipsPerBuyIn
                    + " would not cost a whole number of minor units; the nearest chip count"
                    + (lower > 0 ? "s that do are " + lower + " and " + higher : " that does is " + higher) + ".";
        }
    }

    record MissingChipsUnaccounted(long chips, String value) implements Conflict {
        public String message() {
            return chips + " chip" + (chips == 1 ? " is" : "s are") + " still out (worth " + value
                    + "); say whether one"
                    + " player cashed them out or their value is shared back by chips bought, then close.";
        }
    }

    record InvalidPayHandle(PayApp app, String handle, String rule) implements InvalidInput {
        public String message() {
            return "\"" + handle + "\" is not a " + app.label() + " handle: it takes " + rule + ".";
        }
    }

    record PaymentsNotFrozen() implements Conflict {
        public String message() {
            return "The table is open; payments can be marked once it is closed.";
        }
    }

    record UnknownPayment(int n) implements NotFound {
        public String message() {
            return "There is no payment " + n + " in this table's settle-up.";
        }
    }

    record PaymentAlreadyMarked(int n) implements Conflict {
        public String message() {
            return "Payment " + n + " is already marked paid.";
        }
    }

    record PaymentNotMarked(int n) implements Conflict {
        public String message() {
            return "Payment " + n + " is not marked paid.";
        }
    }

    record PaymentsMarkedPaid(long count) implements Conflict {
        public String message() {
            return count + (count == 1 ? " payment is" : " payments are") + " marked paid; unmark "
                    + (count == 1 ? "it" : "them") + " before reopening the table.";
        }
    }

    // Groups (bullion.core.group): a group's name and members follow the rules of a table's name and players.

    record InvalidGroupName(String problem) implements InvalidInput {
        public String message() {
            return "Group name " + problem + ".";
        }
    }

    record InvalidMemberName(String problem) implements InvalidInput {
        public String message() {
            return "Member name " + problem + ".";
        }
    }

    record GroupAlreadyExists() implements Conflict {
        public String message() {
            return "This group already exists.";
        }
    }

    record GroupNotFound() implements NotFound {
        public String message() {
            return "There is no such group.";
        }
    }

    record UnknownMember(int memberId) implements NotFound {
        public String message() {
            return "There is no member " + memberId + " in this group.";
        }
    }

    record DuplicateMemberName(String name) implements Conflict {
        public String message() {
            return "A member of this group already goes by " + name + ".";
        }
    }

    record MergeIntoItself(int memberId) implements InvalidInput {
        public String message() {
            return "Member " + memberId + " cannot be merged into itself.";
        }
    }

    record NotTheGroupsCurrency(String currencyCode, String groupCurrencyCode) implements Conflict {
        public String message() {
            return "A table of this group is played in " + groupCurrencyCode + ", not " + currencyCode + ".";
        }
    }
}

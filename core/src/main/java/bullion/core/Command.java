package bullion.core;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Everything a person can ask of a table. Each is decided by {@link CommandDecider} into events or a rejection. */
public sealed interface Command {

    /**
     * Open a new table. The values are raw input: the decider checks every one of them. A null or blank
     * currency code means USD; no {@code defaultPaid} means {@link Paid#DEFAULT}.
     */
    /** {@code groupId}, if given, is the group the table is opened in (the engine checks the group and its token). */
    record OpenTable(
            String name,
            String currencyCode,
            BigDecimal buyIn,
            long chipsPerBuyIn,
            Optional<Paid> defaultPaid,
            Optional<String> groupId)
            implements Command {
        public OpenTable(String name, String currencyCode, BigDecimal buyIn, long chipsPerBuyIn) {
            this(name, currencyCode, buyIn, chipsPerBuyIn, Optional.empty(), Optional.empty());
        }

        public OpenTable(
                String name, String currencyCode, BigDecimal buyIn, long chipsPerBuyIn, Optional<Paid> defaultPaid) {
            this(name, currencyCode, buyIn, chipsPerBuyIn, defaultPaid, Optional.empty());
        }

        public OpenTable {
            defaultPaid = defaultPaid == null ? Optional.empty() : defaultPaid;
            groupId = groupId == null ? Optional.empty() : groupId;
        }

        /** The same table, opened in {@code groupId}. */
        public OpenTable inGroup(String groupId) {
            return new OpenTable(name, currencyCode, buyIn, chipsPerBuyIn, defaultPaid, Optional.of(groupId));
        }
    }

    record AddPlayer(String name) implements Command {}

    /** A player's new name, checked like a joining player's. */
    record RenamePlayer(int playerId, String name) implements Command {}

    /**
     * Replace a player's pay handles with these: each is checked by its service's rule, and an app left out or
     * blank has no handle.
     */
    record SetPayHandles(int playerId, Map<PayApp, String> handles) implements Command {
        public SetPayHandles {
            handles = handles == null ? Map.of() : Map.copyOf(handles);
        }
    }

    /**
     * Buy standard buy-ins or a number of chips (a first buy-in or a rebuy), in cash or on credit; without
     * {@code paid}, as the table's default says.
     */
    record BuyIn(int playerId, BuyInSize size, Optional<Paid> paid) implements Command {
        /** {@code count} standard buy-ins, paid as the table's default says. */
        public BuyIn(int playerId, long count) {
            this(playerId, new BuyInSize.Count(count), Optional.empty());
        }

        public BuyIn {
            Objects.requireNonNull(size, "size");
            paid = paid == null ? Optional.empty() : paid;
        }
    }

    /** Hand back {@code chips} chips for money; a player may cash out several times. */
    record CashOut(int playerId, long chips) implements Command {}

    record VoidEntry(int seq, Optional<String> reason) implements Command {
        public VoidEntry {
            reason = reason == null ? Optional.empty() : reason;
        }
    }

    /**
     * Close the table and freeze its payments. With chips still out it must say what became of them; with none out
     * {@code missingChips} is not needed.
     */
    record CloseTable(Optional<MissingChips> missingChips) implements Command {
        public CloseTable() {
            this(Optional.empty());
        }

        public CloseTable {
            missingChips = missingChips == null ? Optional.empty() : missingChips;
        }
    }

    /** Reopen a closed table; refused while any payment is marked paid. */
    record ReopenTable() implements Command {}

    /** Mark payment {@code n} of a closed table's plan as paid. */
    record MarkPaid(int n) implements Command {}

    /** Undo the paid mark of payment {@code n}. */
    record UnmarkPaid(int n) implements Command {}
}

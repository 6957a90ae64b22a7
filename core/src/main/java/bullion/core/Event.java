package bullion.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fact about a table, in the past tense. Events are what the journal keeps: replaying them through
 * {@link EventApplier} rebuilds the table exactly, so their shape is a stored format and must stay stable.
 * A field added later is optional, and its absence (null when read back) means what the event meant before it.
 */
public sealed interface Event {

    /**
     * Amounts are stored as minor units of the currency so that replay never re-parses a decimal. No
     * {@code defaultPaid} (tables opened before cash buy-ins) means {@link Paid#DEFAULT}. No {@code groupId} (every
     * table opened before groups, and any opened on its own) means the table is in no group.
     */
    record TableOpened(
            String name,
            String currencyCode,
            long buyInMinor,
            long chipsPerBuyIn,
            Paid defaultPaid,
            Optional<String> groupId)
            implements Event {
        public TableOpened(String name, String currencyCode, long buyInMinor, long chipsPerBuyIn) {
            this(name, currencyCode, buyInMinor, chipsPerBuyIn, Paid.DEFAULT, Optional.empty());
        }

        public TableOpened(String name, String currencyCode, long buyInMinor, long chipsPerBuyIn, Paid defaultPaid) {
            this(name, currencyCode, buyInMinor, chipsPerBuyIn, defaultPaid, Optional.empty());
        }

        public TableOpened {
            defaultPaid = defaultPaid == null ? Paid.DEFAULT : defaultPaid;
            groupId = groupId == null ? Optional.empty() : groupId;
        }
    }

    record PlayerJoined(int playerId, String name) implements Event {}

    record PlayerRenamed(int playerId, String name) implements Event {}

    /** The player's handles from now on, replacing any before; an app not in the map has no handle. */
    record PayHandlesSet(int playerId, Map<PayApp, String> handles) implements Event {
        public PayHandlesSet {
            handles = handles == null ? Map.of() : Map.copyOf(handles);
        }
    }

    /** {@code count} standard buy-ins. No {@code paid} (buy-ins before cash buy-ins) means credit. */
    record BoughtIn(int seq, Instant at, int playerId, long count, Paid paid) implements Event {
        public BoughtIn(int seq, Instant at, int playerId, long count) {
            this(seq, at, playerId, count, Paid.DEFAULT);
        }

        public BoughtIn {
            paid = paid == null ? Paid.DEFAULT : paid;
        }
    }

    /** A buy-in of a number of chips, costing {@code chips × price / chipsPerBuyIn} (whole minor units). */
    record BoughtChips(int seq, Instant at, int playerId, long chips, Paid paid) implements Event {
        public BoughtChips {
            Objects.requireNonNull(paid, "paid");
        }
    }

    record CashedOut(int seq, Instant at, int playerId, long chips) implements Event {}

    record EntryVoided(int seq, Instant at, String reason) implements Event {}

    /**
     * The table closed. {@code missingChipsCashedOutBy} names the player counted as cashing out the chips still
     * out; absent, their value is shared back in proportion to the chips bought (the rule before the choice).
     * {@code payments} is the plan frozen at this moment; absent (tables closed before plans were frozen), the
     * plan is worked out when the event is applied.
     */
    record TableClosed(Instant at, Optional<Integer> missingChipsCashedOutBy, Optional<List<PlannedPayment>> payments)
            implements Event {
        public TableClosed(Instant at) {
            this(at, Optional.empty(), Optional.empty());
        }

        public TableClosed {
            missingChipsCashedOutBy = missingChipsCashedOutBy == null ? Optional.empty() : missingChipsCashedOutBy;
            payments = payments == null ? Optional.empty() : payments.map(List::copyOf);
        }
    }

    /** One payment of a frozen plan: {@code from} pays {@code to} {@code amountMinor} minor units. */
    record PlannedPayment(int n, Party from, Party to, long amountMinor) {}

    record TableReopened(Instant at) implements Event {}

    record PaymentMarked(int n, Instant at) implements Event {}

    record PaymentUnmarked(int n, Instant at) implements Event {}
}

package bullion.engine.entity;

import bullion.core.Command;
import bullion.core.Milestone;
import bullion.core.Table;
import bullion.engine.Outcome;
import bullion.engine.json.JsonSerializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a table understands. Callers send {@link Open}, {@link Change} and {@link View}, each answered with an
 * {@link Outcome}; the other messages pass only between a table's {@link TableIntake} and its {@link TableEntity}.
 */
public sealed interface TableMessage extends JsonSerializable {

    /**
     * Opens the table with the hash of its manage token; the plain token never reaches the entity. Past its
     * {@code deadline} (see {@link Change}) it is dropped unrecorded. {@code groupTokenHash}: the hash of its group's
     * manage token, which manages it too (empty: not in a group). {@code logRequestId}: see {@link Change}.
     */
    record Open(
            Command.OpenTable command,
            String manageTokenHash,
            Instant deadline,
            ActorRef<Outcome> replyTo,
            Optional<String> groupTokenHash,
            Optional<String> logRequestId)
            implements TableMessage {
        public Open {
            deadline = deadline == null ? Instant.MAX : deadline;
            groupTokenHash = groupTokenHash == null ? Optional.empty() : groupTokenHash;
            logRequestId = logRequestId == null ? Optional.empty() : logRequestId;
        }

        /** Not in a group. */
        public Open(Command.OpenTable command, String manageTokenHash, Instant deadline, ActorRef<Outcome> replyTo) {
            this(command, manageTokenHash, deadline, replyTo, Optional.empty(), Optional.empty());
        }

        /** No deadline. */
        public Open(Command.OpenTable command, String manageTokenHash, ActorRef<Outcome> replyTo) {
            this(command, manageTokenHash, Instant.MAX, replyTo);
        }
    }

    /**
     * A change to the table. A repeated {@code requestId} gets the first outcome again and records nothing new. A
     * change that reaches the table after its {@code deadline}, or whose decision is ready only after it, is dropped
     * unanswered and unrecorded: its caller has stopped waiting or soon will. A message without one (from a node of
     * the previous release) has none. {@code logRequestId} is the caller's log request id ({@code X-Request-Id},
     * {@link bullion.engine.ops.LogContext}), so the table's audit lines carry it; it is not {@code requestId} and
     * decides nothing. A message from a node of a release before it has none.
     */
    record Change(
            Command command,
            String manageToken,
            Optional<String> requestId,
            Instant deadline,
            ActorRef<Outcome> replyTo,
            Optional<String> logRequestId)
            implements TableMessage {
        public Change {
            deadline = deadline == null ? Instant.MAX : deadline;
            logRequestId = logRequestId == null ? Optional.empty() : logRequestId;
        }

        public Change(
                Command command,
                String manageToken,
                Optional<String> requestId,
                Instant deadline,
                ActorRef<Outcome> replyTo) {
            this(command, manageToken, requestId, deadline, replyTo, Optional.empty());
        }

        /** No deadline. */
        public Change(Command command, String manageToken, Optional<String> requestId, ActorRef<Outcome> replyTo) {
            this(command, manageToken, requestId, Instant.MAX, replyTo);
        }

        /** Never prints the token: messages end up in dead-letter and debug logs. */
        @Override
        public String toString() {
            return "Change[command=" + command + ", requestId=" + requestId + ", deadline=" + deadline + ", replyTo="
                    + replyTo + ", logRequestId=" + logRequestId + "]";
        }
    }

    /** Read the table; {@code manageToken}, if given, is checked so the caller learns whether it may manage. */
    record View(Optional<String> manageToken, ActorRef<Outcome> replyTo) implements TableMessage {
        @Override
        public String toString() {
            return "View[withToken=" + manageToken.isPresent() + ", replyTo=" + replyTo + "]";
        }
    }

    /**
     * A whole history brought in from an export ({@code bullion.engine.backup}): only a table never opened takes it, and
     * persists every event in one atomic write, so a table is imported whole or not at all. The importer has already
     * replayed the events through the core and gives the {@code table-created} event the new table's token hash. Never
     * sent to another node (the importer starts the entity on its own node), so it needs no serialized form.
     */
    record ImportHistory(List<StoredEvent> events, ActorRef<Outcome> replyTo) implements TableMessage {
        public ImportHistory {
            events = List.copyOf(events);
        }

        @Override
        public String toString() {
            return "ImportHistory[events=" + events.size() + ", replyTo=" + replyTo + "]";
        }
    }

    /**
     * Retention: a closed table whose last change (its last close, reopen or payment mark) was before
     * {@code lastChangeBefore} deletes its events and snapshots and stops; any other table stays as it is. The table
     * checks this itself, so a table reopened after the sweep looked at it is never deleted.
     */
    record Retire(Instant lastChangeBefore, ActorRef<Retired> replyTo) implements TableMessage {

        /** Whether {@code table} may go: closed, and its last close, reopen or payment mark before the cutoff. */
        public static boolean expired(Table table, Instant lastChangeBefore) {
            return table.closed() && lastChange(table).isBefore(lastChangeBefore);
        }

        /** When a closed table last changed state: its latest milestone, or its close. */
        public static Instant lastChange(Table table) {
            Instant close = table.closing().map(c -> c.at()).orElse(Instant.EPOCH);
            return table.milestones().stream()
                    .map(Milestone::at)
                    .filter(close::isBefore)
                    .max(Instant::compareTo)
                    .orElse(close);
        }
    }

    /** What a {@link Retire} did: {@code deleted}, or kept and why (not closed, changed since, could not delete). */
    record Retired(boolean deleted, Optional<Instant> lastChange, String why) implements JsonSerializable {}

    /**
     * Changes that queued at the table's intake while the table was writing, handed over together (batch number
     * {@code batch}): the table decides them in order, each against the table as the ones before it left it, journals
     * what they record in one write and answers each caller as for a {@link Change}; then it tells {@code intake}
     * {@link Written}. Never sent by callers.
     */
    record Changes(long batch, List<Change> changes, ActorRef<TableMessage> intake) implements TableMessage {
        public Changes {
            changes = List.copyOf(changes);
        }
    }

    /** The table has answered every change of batch {@code batch} (those it recorded are in the journal). */
    record Written(long batch) implements TableMessage {}

    /** The table has (re)started and replayed its journal: it takes changes now, and an earlier batch is over. */
    record Ready() implements TableMessage {}

    /**
     * Changes of a batch the table gave back undecided because deciding another one of it threw (a bug): it restarts
     * now, and the intake hands these over again once it is {@link Ready}, as if they had waited in its mailbox.
     */
    record Returned(List<Change> changes) implements TableMessage {
        public Returned {
            changes = List.copyOf(changes);
        }
    }
}

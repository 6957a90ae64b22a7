package bullion.engine.entity;

import bullion.core.Command;
import bullion.engine.Outcome;
import bullion.engine.entity.StoredEvent.RequestRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Changes being decided one after another for one write: the table as the accepted ones leave it, the events to
 * journal, and the answers, split into those that may go out at once and those that must wait for the write.
 */
final class DecidedChanges {

    /**
     * What became of one change: the audit line's outcome, the reply unless it was dropped past its deadline, and the
     * caller's log request id for the audit line.
     */
    record Answer(Command command, String audit, Optional<Reply> reply, Optional<String> logRequestId) {

        static Answer to(TableMessage.Change change, Outcome outcome, String audit) {
            return new Answer(
                    change.command(),
                    audit,
                    Optional.of(new Reply(change.replyTo(), outcome, Optional.empty())),
                    change.logRequestId());
        }

        /** A refusal; its request id, if any, is remembered as refused once the answer goes out. */
        static Answer refused(
                TableMessage.Change change, Outcome.Refused outcome, String audit, Optional<RequestRef> id) {
            return new Answer(
                    change.command(),
                    audit,
                    Optional.of(new Reply(change.replyTo(), outcome, id)),
                    change.logRequestId());
        }

        /** Past its deadline: not answered at all (the caller has been or will be told "not recorded"). */
        static Answer dropped(TableMessage.Change change, Instant now) {
            return new Answer(
                    change.command(), droppedLate(change.deadline(), now), Optional.empty(), change.logRequestId());
        }
    }

    /** The audit line's outcome for a command that reached the table {@code now}, past its caller's deadline. */
    static String droppedLate(Instant deadline, Instant now) {
        return "dropped unrecorded, " + Duration.between(deadline, now).toMillis() + " ms past its deadline";
    }

    /** The answer to a caller; {@code refusedId} is the request id to remember with a refusal. */
    record Reply(ActorRef<Outcome> to, Outcome outcome, Optional<RequestRef> refusedId) {}

    private TableState state;
    private final List<StoredEvent> events = new ArrayList<>();
    private final List<Answer> atOnce = new ArrayList<>();
    private final List<Answer> afterWrite = new ArrayList<>();
    private RequestIds refusedHere;

    DecidedChanges(TableState state) {
        this.state = state;
    }

    /** The table as the changes accepted so far leave it. */
    TableState state() {
        return state;
    }

    /** Takes an accepted change's events: the following changes are decided against the table they make. */
    TableState accept(List<StoredEvent> recorded) {
        for (StoredEvent event : recorded) {
            state = state.apply(event);
        }
        events.addAll(recorded);
        return state;
    }

    /** An answer decided now: it may go at once while nothing is waiting to be written, else after the write. */
    void answer(Answer answer) {
        (events.isEmpty() ? atOnce : afterWrite).add(answer);
    }

    /**
     * The request ids refused in this batch, so a repeat later in the same batch gets the same refusal; they join the
     * table's {@link RequestIds} only as their answers go out.
     */
    RequestIds refusedHere() {
        if (refusedHere == null) {
            refusedHere = new RequestIds();
        }
        return refusedHere;
    }

    List<StoredEvent> events() {
        return events;
    }

    List<Answer> atOnce() {
        return atOnce;
    }

    List<Answer> afterWrite() {
        return afterWrite;
    }
}

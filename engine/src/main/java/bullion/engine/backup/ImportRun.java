package bullion.engine.backup;

import bullion.core.CommandDecider;
import bullion.engine.Outcome;
import bullion.engine.entity.StoredEvent;
import bullion.engine.entity.TableEntity;
import bullion.engine.entity.TableMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * One import, as a short-lived actor on this node: it starts the new table's entity outside sharding (nobody knows the
 * new id yet, so nothing else can start it), hands it the history, passes its answer on and stops, taking the entity
 * with it. Outside sharding the history never crosses the network, however large; a journal write that fails or takes
 * longer than {@code within} ends the run with no answer, and the caller's ask times out (nothing was stored, or, if
 * the one atomic write committed as the run gave up, a whole table under an id nobody was told).
 */
final class ImportRun {

    private ImportRun() {}

    /** Begins the run; the table's answer goes to {@code replyTo}. */
    record Start(ActorRef<Outcome> replyTo) {}

    private record Answer(Outcome outcome) {}

    static Behavior<Object> create(
            String tableId, TableEntity.Settings settings, List<StoredEvent> events, Duration within) {
        return Behaviors.receive(Object.class)
                .onMessage(Start.class, start -> run(tableId, settings, events, start.replyTo(), within))
                .build();
    }

    private static Behavior<Object> run(
            String tableId,
            TableEntity.Settings settings,
            List<StoredEvent> events,
            ActorRef<Outcome> replyTo,
            Duration within) {
        return Behaviors.setup(ctx -> {
            ActorRef<TableMessage> table = ctx.spawn(
                    TableEntity.create(
                            tableId,
                            settings,
                            CommandDecider::decide,
                            Clock.systemUTC(),
                            ctx.getSystem().ignoreRef(),
                            ctx.getSystem().ignoreRef()),
                    "table");
            ActorRef<Outcome> answers = ctx.messageAdapter(Outcome.class, Answer::new);
            table.tell(new TableMessage.ImportHistory(events, answers));
            return Behaviors.withTimers(timers -> {
                timers.startSingleTimer("give-up", within);
                return Behaviors.receive(Object.class)
                        .onMessage(Answer.class, answer -> {
                            replyTo.tell(answer.outcome());
                            return Behaviors.stopped();
                        })
                        .onMessageEquals("give-up", Behaviors::stopped)
                        .build();
            });
        });
    }
}

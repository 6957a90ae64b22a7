package bullion.engine.entity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.BehaviorInterceptor;
import org.apache.pekko.actor.typed.TypedActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The front of a sharded table, in the table's own actor: an interceptor around its {@link TableEntity} (and the
 * entity's supervisor). An event-sourced behavior takes one command per journal write (it stashes the rest until the
 * write is done), so on a busy table every change waited for its own round trip to the database. The intake instead
 * queues the changes that arrive while the table writes and hands them over together as one
 * {@link TableMessage.Changes} as soon as the write before is answered: one batch at a time, so the table decides each
 * against the table the changes before it made, and writes them in one go.
 *
 * <p>Views and opens pass straight through (the table answers a view from memory, after any write in progress); so do
 * the journal's answers, which are no {@link TableMessage}. It sits outside the entity's supervisor, so its queue
 * survives a restart of the table after a fault; the table says {@link TableMessage.Ready} after every (re)start,
 * which ends any batch outstanding. Sharding's idle passivation, or the table stopping, stops both.
 *
 * <p>Not an actor of its own (it was, the table's parent): a second actor per table, with its cell, mailbox, path and
 * the table's supervision as a child, cost about 1.5 KB of every live table (BENCHMARKS.md, "Idle tables").
 */
final class TableIntake extends BehaviorInterceptor<TableMessage, TableMessage> {

    /** At most this many changes go to one write; more wait for the next (a bounded transaction and answer burst). */
    static final int MAX_BATCH = 256;

    /** The changes waiting, oldest first; made when one has to wait, as an idle table has none. */
    private ArrayDeque<TableMessage.Change> queued;
    /** The table has replayed its journal and takes changes. */
    private boolean ready;
    /** The number of the batch the table is deciding or writing; 0 while none is. */
    private long outstanding;

    private long lastBatch;

    private TableIntake() {
        super(TableMessage.class);
    }

    /** {@code table} makes the table entity, given the ref it must answer the intake on (its own actor's). */
    static Behavior<TableMessage> create(Function<ActorRef<TableMessage>, Behavior<TableMessage>> table) {
        return Behaviors.setup(ctx -> Behaviors.intercept(TableIntake::new, table.apply(ctx.getSelf())));
    }

    @Override
    public Behavior<TableMessage> aroundReceive(
            TypedActorContext<TableMessage> ctx, TableMessage message, ReceiveTarget<TableMessage> table) {
        return switch (message) {
            case TableMessage.Change change -> {
                queue().addLast(change);
                yield handOver(ctx, table);
            }
            case TableMessage.Written written -> {
                if (written.batch() != outstanding) {
                    yield Behaviors.same();
                }
                outstanding = 0;
                yield handOver(ctx, table);
            }
            case TableMessage.Ready readyNow -> {
                ready = true;
                outstanding = 0;
                yield handOver(ctx, table);
            }
            case TableMessage.Returned returned -> {
                // A fault restarts the table; these wait, first in line, until it is ready again.
                List<TableMessage.Change> back = returned.changes();
                for (int i = back.size() - 1; i >= 0; i--) {
                    queue().addFirst(back.get(i));
                }
                ready = false;
                outstanding = 0;
                yield Behaviors.same();
            }
            default -> table.apply(ctx, message);
        };
    }

    private ArrayDeque<TableMessage.Change> queue() {
        if (queued == null) {
            queued = new ArrayDeque<>();
        }
        return queued;
    }

    /** Hands the queued changes over as one batch, if the table is ready and not busy with one. */
    private Behavior<TableMessage> handOver(TypedActorContext<TableMessage> ctx, ReceiveTarget<TableMessage> table) {
        if (!ready || outstanding != 0 || queued == null || queued.isEmpty()) {
            return Behaviors.same();
        }
        List<TableMessage.Change> batch = new ArrayList<>(Math.min(queued.size(), MAX_BATCH));
        while (!queued.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(queued.pollFirst());
        }
        if (queued.isEmpty()) {
            queued = null;
        }
        outstanding = ++lastBatch;
        return table.apply(
                ctx, new TableMessage.Changes(outstanding, batch, ctx.asJava().getSelf()));
    }
}

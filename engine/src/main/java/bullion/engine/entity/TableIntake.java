package bullion.engine.entity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The table as sharding knows it: the front of one {@link TableEntity}, its child. An event-sourced behavior takes one
 * command per journal write (it stashes the rest until the write is done), so on a busy table every change waited for
 * its own round trip to the database. The intake instead queues the changes that arrive while the table writes and
 * hands them over together as one {@link TableMessage.Changes} as soon as the write before is answered: one batch at a
 * time, so the table decides each against the table the changes before it made, and writes them in one go.
 *
 * <p>Views and opens pass straight through (the table answers a view from memory, after any write in progress).
 * Sharding's idle passivation and a stop of the intake stop the table with it; the table's own supervisor restarts it
 * after a fault, and it says {@link TableMessage.Ready} after every (re)start, which ends any batch outstanding.
 */
final class TableIntake extends AbstractBehavior<TableMessage> {

    /** At most this many changes go to one write; more wait for the next (a bounded transaction and answer burst). */
    static final int MAX_BATCH = 256;

    private final ActorRef<TableMessage> table;
    private final ArrayDeque<TableMessage.Change> queued = new ArrayDeque<>();
    /** The table has replayed its journal and takes changes. */
    private boolean ready;
    /** The number of the batch the table is deciding or writing; 0 while none is. */
    private long outstanding;

    private long lastBatch;

    /** {@code table} makes the table entity, given the ref it must answer the intake on. */
    static Behavior<TableMessage> create(Function<ActorRef<TableMessage>, Behavior<TableMessage>> table) {
        return Behaviors.setup(ctx -> new TableIntake(ctx, table));
    }

    private TableIntake(
            ActorContext<TableMessage> context, Function<ActorRef<TableMessage>, Behavior<TableMessage>> table) {
        super(context);
        this.table = context.spawn(table.apply(context.getSelf()), "table");
        context.watch(this.table);
    }

    @Override
    public Receive<TableMessage> createReceive() {
        return newReceiveBuilder()
                .onMessage(TableMessage.Change.class, this::onChange)
                .onMessage(TableMessage.Written.class, this::onWritten)
                .onMessage(TableMessage.Ready.class, this::onReady)
                .onMessage(TableMessage.Returned.class, this::onReturned)
                .onMessage(TableMessage.class, this::passOn)
                // The table stopped for good (its shard asked it to, or it gave up): so does its front.
                .onSignal(Terminated.class, terminated -> Behaviors.stopped())
                .build();
    }

    private Behavior<TableMessage> onChange(TableMessage.Change change) {
        queued.addLast(change);
        handOver();
        return this;
    }

    private Behavior<TableMessage> onWritten(TableMessage.Written written) {
        if (written.batch() == outstanding) {
            outstanding = 0;
            handOver();
        }
        return this;
    }

    private Behavior<TableMessage> onReady(TableMessage.Ready readyNow) {
        ready = true;
        outstanding = 0;
        handOver();
        return this;
    }

    /** A fault restarts the table; these wait, first in line, until it is ready again. */
    private Behavior<TableMessage> onReturned(TableMessage.Returned returned) {
        List<TableMessage.Change> back = returned.changes();
        for (int i = back.size() - 1; i >= 0; i--) {
            queued.addFirst(back.get(i));
        }
        ready = false;
        outstanding = 0;
        return this;
    }

    private Behavior<TableMessage> passOn(TableMessage message) {
        table.tell(message);
        return this;
    }

    /** Hands the queued changes over as one batch, if the table is ready and not busy with one. */
    private void handOver() {
        if (!ready || outstanding != 0 || queued.isEmpty()) {
            return;
        }
        List<TableMessage.Change> batch = new ArrayList<>(Math.min(queued.size(), MAX_BATCH));
        while (!queued.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(queued.pollFirst());
        }
        outstanding = ++lastBatch;
        table.tell(new TableMessage.Changes(outstanding, batch, getContext().getSelf()));
    }
}

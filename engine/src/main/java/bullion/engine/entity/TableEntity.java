package bullion.engine.entity;

import bullion.core.Command;
import bullion.core.Decision;
import bullion.core.Event;
import bullion.core.Rejection;
import bullion.core.Table;
import bullion.engine.Decide;
import bullion.engine.Outcome;
import bullion.engine.TableChanged;
import bullion.engine.entity.StoredEvent.RequestRef;
import bullion.engine.json.Fingerprint;
import bullion.engine.json.StoredNames;
import bullion.engine.ops.EngineMetrics;
import bullion.engine.ops.LogContext;
import bullion.engine.standings.StandingsProjection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.BackoffSupervisorStrategy;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One table's live process. Commands go to the core's decide; accepted events are journaled and only then
 * applied (by the core's apply) and acknowledged; a rejection journals nothing. No poker rule lives here.
 *
 * <p>Under sharding it runs behind a {@link TableIntake} in the same actor ({@link #sharded}), which hands it the
 * changes that queued while it was writing as one {@link TableMessage.Changes}: they are decided in order and journaled in one
 * write, and each caller is still answered only once its own events are in the journal.
 */
public final class TableEntity extends EventSourcedBehaviorWithEnforcedReplies<TableMessage, StoredEvent, TableState> {

    public static final EntityTypeKey<TableMessage> TYPE_KEY = EntityTypeKey.create(TableMessage.class, "Table");

    /**
     * How a table is run: snapshot cadence and restart backoff are configuration, not code; {@code metrics} times its
     * journal writes; {@code deleteRows} deletes a table's events and snapshots by persistence id, for retention
     * ({@link TableMessage.Retire}); {@code journalPluginId} is the journal plugin to write with, empty for the default
     * (an import uses one with a longer call timeout); {@code live} is where the table shows its state for views (the
     * node's, which its {@code Tables} reads; a table run outside sharding gets one of its own that nothing reads).
     */
    public record Settings(
            int snapshotEvery,
            Duration minBackoff,
            Duration maxBackoff,
            EngineMetrics metrics,
            Consumer<String> deleteRows,
            String journalPluginId,
            LiveTables live) {

        /** A table whose figures go unread and that cannot be retired (tests, tools): a {@link TableMessage.Retire} keeps it. */
        public Settings(int snapshotEvery, Duration minBackoff, Duration maxBackoff) {
            this(
                    snapshotEvery,
                    minBackoff,
                    maxBackoff,
                    EngineMetrics.unread(),
                    persistenceId -> {
                        throw new UnsupportedOperationException("this table system does not delete tables");
                    },
                    "",
                    new LiveTables());
        }

        public Settings(
                int snapshotEvery,
                Duration minBackoff,
                Duration maxBackoff,
                EngineMetrics metrics,
                Consumer<String> deleteRows) {
            this(snapshotEvery, minBackoff, maxBackoff, metrics, deleteRows, "", new LiveTables());
        }

        /** The same table, writing through another journal plugin. */
        public Settings withJournalPluginId(String pluginId) {
            return new Settings(snapshotEvery, minBackoff, maxBackoff, metrics, deleteRows, pluginId, live);
        }
    }

    private final String tableId;
    private final Settings settings;
    private final Decide decide;
    private final Clock clock;
    private final ActorRef<TableTopics.Message> topics;
    /** The actor sharding knows this table by (its own; the intake, when sharded, runs in it too). */
    private final ActorRef<TableMessage> self;

    private final ActorRef<ClusterSharding.ShardCommand> shard;
    private final Optional<ActorRef<TableMessage>> intake;
    private final RequestIds requestIds = new RequestIds();
    /** The group this table was opened in, kept for {@link #tagsFor}, which sees only the event. */
    private Optional<String> groupId = Optional.empty();
    /** What this process last showed in {@link Settings#live}, so that it forgets only its own when it stops. */
    private TableState shown = TableState.empty();

    /** The audit log: every change that reaches a table, in the normal log. */
    private static final Logger AUDIT = LoggerFactory.getLogger("bullion.audit");

    /** The restart backoffs in use, by minimum and maximum (see {@link #backoff}); one or two per node. */
    private static final Map<List<Duration>, BackoffSupervisorStrategy> BACKOFFS = new ConcurrentHashMap<>();

    private TableEntity(
            String tableId,
            Settings settings,
            Decide decide,
            Clock clock,
            ActorRef<TableTopics.Message> topics,
            ActorRef<TableMessage> self,
            ActorRef<ClusterSharding.ShardCommand> shard,
            Optional<ActorRef<TableMessage>> intake) {
        super(PersistenceId.of(TYPE_KEY.name(), tableId), backoff(settings));
        this.tableId = tableId;
        this.settings = settings;
        this.decide = decide;
        this.clock = clock;
        this.topics = topics;
        this.self = self;
        this.shard = shard;
        this.intake = intake;
    }

    /**
     * The table as sharding runs it: a {@link TableIntake} that batches the changes queued behind a write, in front of
     * this entity and its supervisor, in one actor.
     */
    public static Behavior<TableMessage> sharded(
            String tableId,
            Settings settings,
            Decide decide,
            Clock clock,
            ActorRef<TableTopics.Message> topics,
            ActorRef<ClusterSharding.ShardCommand> shard) {
        return TableIntake.create(
                intake -> create(tableId, settings, decide, clock, topics, shard, Optional.of(intake)));
    }

    /** The table on its own, taking one change at a time (tests), restarted from its journal if anything throws. */
    public static Behavior<TableMessage> create(
            String tableId,
            Settings settings,
            Decide decide,
            Clock clock,
            ActorRef<TableTopics.Message> topics,
            ActorRef<ClusterSharding.ShardCommand> shard) {
        return create(tableId, settings, decide, clock, topics, shard, Optional.empty());
    }

    /** The table, restarted from its journal with backoff if anything inside it throws. */
    static Behavior<TableMessage> create(
            String tableId,
            Settings settings,
            Decide decide,
            Clock clock,
            ActorRef<TableTopics.Message> topics,
            ActorRef<ClusterSharding.ShardCommand> shard,
            Optional<ActorRef<TableMessage>> intake) {
        return Behaviors.supervise(Behaviors.<TableMessage>setup(ctx -> new TableEntity(
                        tableId, settings, decide, clock, topics, intake.orElse(ctx.getSelf()), shard, intake)))
                .onFailure(backoff(settings));
    }

    /**
     * The restart backoff of {@code settings}, one object for all tables that share them: Pekko keeps the strategy
     * (with its durations as Scala objects) in every live table's two supervisors, and it holds no state of its own.
     */
    private static BackoffSupervisorStrategy backoff(Settings settings) {
        return BACKOFFS.computeIfAbsent(
                List.of(settings.minBackoff(), settings.maxBackoff()),
                key -> SupervisorStrategy.restartWithBackoff(key.get(0), key.get(1), 0.2));
    }

    @Override
    public TableState emptyState() {
        return TableState.empty();
    }

    @Override
    public String journalPluginId() {
        return settings.journalPluginId();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
    }

    /**
     * A table not yet opened can only be opened; anything else finds nothing. An open table checks the token, then
     * the request id, before it decides.
     *
     * <p>Routed by state with two switches rather than Pekko's {@code CommandHandlerWithReplyBuilder}: the builder's
     * table of cases (about 1.3 KB) is built and kept by every live table, this handler is one small object
     * (BENCHMARKS.md, "Idle tables").
     */
    @Override
    public CommandHandlerWithReply<TableMessage, StoredEvent, TableState> commandHandler() {
        return (state, message) -> state.table().isEmpty() ? beforeOpening(state, message) : whileOpen(state, message);
    }

    private ReplyEffect<StoredEvent, TableState> beforeOpening(TableState state, TableMessage message) {
        return switch (message) {
            case TableMessage.Open open -> open(state, open, this::answerAndStop);
            case TableMessage.Change change -> answerAndStop(change.replyTo(), new Outcome.NotFound());
            case TableMessage.Changes changes -> noneFound(changes);
            case TableMessage.View view -> answerAndStop(view.replyTo(), new Outcome.NotFound());
            case TableMessage.ImportHistory imported -> importHistory(imported);
            case TableMessage.Retire retire ->
                answerAndStop(
                        retire.replyTo(), new TableMessage.Retired(false, Optional.empty(), "there is no such table"));
            // The intake's own messages; this entity never receives them.
            case TableMessage.Written written -> Effect().noReply();
            case TableMessage.Ready ready -> Effect().noReply();
            case TableMessage.Returned returned -> Effect().noReply();
        };
    }

    private ReplyEffect<StoredEvent, TableState> whileOpen(TableState state, TableMessage message) {
        return switch (message) {
            case TableMessage.Open open -> open(state, open, Effect()::reply);
            case TableMessage.Change change ->
                decideInOrder(state, List.of(change), undecided -> {}).thenNoReply();
            case TableMessage.Changes changes -> decideInOrder(state, changes);
            case TableMessage.View view -> view(state, view);
            case TableMessage.ImportHistory imported ->
                Effect().reply(imported.replyTo(), new Outcome.Refused(new Rejection.TableAlreadyOpen()));
            case TableMessage.Retire retire -> retire(state.table().orElseThrow(), retire);
            case TableMessage.Written written -> Effect().noReply();
            case TableMessage.Ready ready -> Effect().noReply();
            case TableMessage.Returned returned -> Effect().noReply();
        };
    }

    @Override
    public SignalHandler<TableState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.class, (state, recovered) -> {
                    groupId = state.groupId();
                    show(state);
                    // On every (re)start: whatever batch the intake handed over before is over, answered or not.
                    intake.ifPresent(i -> i.tell(new TableMessage.Ready()));
                })
                .onSignal(PostStop.class, (state, stopped) -> forget())
                .build();
    }

    @Override
    public EventHandler<TableState, StoredEvent> eventHandler() {
        // A plain function, not Pekko's EventHandlerBuilder: one small object per live table (see commandHandler).
        return (state, event) -> {
            TableState next = state.apply(event);
            groupId = next.groupId();
            return next;
        };
    }

    /**
     * Only the events of a table opened in a group are tagged, for the group standings' projection: the table that
     * is opened says so in its first event, and later events are tagged by the group this table was opened in.
     */
    @Override
    public Set<String> tagsFor(StoredEvent event) {
        Optional<String> group = event instanceof StoredEvent.TableCreated created
                ? created.opened().groupId()
                : groupId;
        return group.isPresent() ? Set.of(StandingsProjection.TAG) : Set.of();
    }

    /**
     * What an open or a change this table took answers its caller: the table as it now is, the events that made it,
     * and the group it was opened in (every answer of a table says its group).
     */
    private static Outcome.Done done(TableState state, List<Event> events) {
        return new Outcome.Done(state.table().orElseThrow(), events, true, state.groupId());
    }

    /** A repeated request's first answer, saying the group as every answer of this table does. */
    private static Outcome inGroup(Outcome outcome, TableState state) {
        return outcome instanceof Outcome.Done done ? done.inGroup(state.groupId()) : outcome;
    }

    /** Opening is the core's decision too; {@code refuse} says whether a refused open keeps this process. */
    private ReplyEffect<StoredEvent, TableState> open(
            TableState state,
            TableMessage.Open open,
            BiFunction<ActorRef<Outcome>, Outcome, ReplyEffect<StoredEvent, TableState>> refuse) {
        try (LogContext.Scope logged = LogContext.with(open.logRequestId())) {
            return decideOpen(state, open, refuse);
        }
    }

    private ReplyEffect<StoredEvent, TableState> decideOpen(
            TableState state,
            TableMessage.Open open,
            BiFunction<ActorRef<Outcome>, Outcome, ReplyEffect<StoredEvent, TableState>> refuse) {
        if (state.table().isPresent() && open.manageTokenHash().equals(state.manageTokenHash())) {
            // The facade's copy of this very open (Tables asks again; the id is new and random): answered, even late.
            return Effect().reply(open.replyTo(), done(state, List.of()));
        }
        Instant now = clock.instant();
        if (now.isAfter(open.deadline())) {
            return dropLate(state, open.command(), open.deadline(), now);
        }
        Decision decision = decide.decide(state.table(), open.command(), now);
        if (clock.instant().isAfter(open.deadline())) {
            return dropLate(state, open.command(), open.deadline(), clock.instant());
        }
        long writing = System.nanoTime();
        return switch (decision) {
            case Decision.Rejected rejected -> {
                audit(
                        open.command(),
                        "refused " + StoredNames.CORE_TYPES.get(rejected.why().getClass()));
                yield refuse.apply(open.replyTo(), new Outcome.Refused(rejected.why()));
            }
            case Decision.Accepted accepted ->
                Effect()
                        .persist(accepted.events().stream()
                                .map(e -> (StoredEvent) new StoredEvent.TableCreated(
                                        (Event.TableOpened) e, open.manageTokenHash(), open.groupTokenHash()))
                                .toList())
                        .thenRun(s -> {
                            show(s);
                            recorded(open.command(), s, writing, open.logRequestId());
                        })
                        .thenReply(open.replyTo(), s -> done(s, accepted.events()));
        };
    }

    /** Changes from the intake: decided in order and journaled together; the intake hears when all are answered. */
    private ReplyEffect<StoredEvent, TableState> decideInOrder(TableState state, TableMessage.Changes changes) {
        return decideInOrder(
                        state,
                        changes.changes(),
                        undecided -> changes.intake().tell(new TableMessage.Returned(undecided)))
                .thenReply(changes.intake(), s -> new TableMessage.Written(changes.batch()));
    }

    /**
     * Decides each change against the table as the changes before it left it, journals what the accepted ones record
     * in one write, then answers their callers. An answer that does not depend on that write (anything decided before
     * the first accepted change) goes out at once; any later one, even a refusal, waits for the write, since it was
     * decided against changes that are not in the journal until then.
     *
     * <p>If deciding one throws (a bug), the table restarts and only that change is lost (its caller times out: not
     * recorded); nothing has been answered yet, and the others go to {@code giveBack}, undecided, as if they had
     * waited in the mailbox.
     */
    private EffectBuilder<StoredEvent, TableState> decideInOrder(
            TableState state, List<TableMessage.Change> changes, Consumer<List<TableMessage.Change>> giveBack) {
        DecidedChanges decided = new DecidedChanges(state);
        for (int i = 0; i < changes.size(); i++) {
            try {
                decide(decided, changes.get(i));
            } catch (RuntimeException | Error fault) {
                List<TableMessage.Change> undecided = new ArrayList<>(changes);
                undecided.remove(i);
                giveBack.accept(undecided);
                throw fault;
            }
        }
        decided.atOnce().forEach(this::send);
        if (decided.events().isEmpty()) {
            return Effect().none();
        }
        long writing = System.nanoTime();
        return Effect().persist(decided.events()).thenRun(written -> {
            settings.metrics().journalWrite(System.nanoTime() - writing);
            show(written); // before any caller hears of it
            decided.afterWrite().forEach(this::send);
            publish(written);
        });
    }

    private void decide(DecidedChanges decided, TableMessage.Change change) {
        TableState state = decided.state();
        Table table = state.table().orElseThrow();
        // A wrong token and a repeated request id are answered even past the deadline: neither records anything, and
        // the facade's copy of a change (Tables asks again) may be the only ask still waiting for the first one's
        // outcome.
        if (!state.managedBy(change.manageToken())) {
            decided.answer(DecidedChanges.Answer.to(change, new Outcome.Forbidden(), "forbidden"));
            return;
        }
        Optional<RequestRef> request =
                change.requestId().map(id -> new RequestRef(id, Fingerprint.of(change.command())));
        Optional<Outcome> again = request.flatMap(r -> requestIds
                .answerAgain(r, change.command(), table, state.recent())
                .or(() -> decided.refusedHere().answerAgain(r, change.command(), table, RecentRequests.none())));
        if (again.isPresent()) {
            decided.answer(DecidedChanges.Answer.to(
                    change,
                    inGroup(again.get(), state),
                    again.get() instanceof Outcome.RequestIdReused ? "request id reused" : "repeated"));
            return;
        }
        Instant now = clock.instant();
        if (now.isAfter(change.deadline())) {
            decided.answer(DecidedChanges.Answer.dropped(change, now));
            return;
        }
        Decision decision = decide.decide(state.table(), change.command(), now);
        if (clock.instant().isAfter(change.deadline())) {
            // Deciding took the caller's remaining time: writing now could finish after the caller stopped waiting.
            decided.answer(DecidedChanges.Answer.dropped(change, clock.instant()));
            return;
        }
        switch (decision) {
            case Decision.Rejected rejected -> {
                Outcome.Refused refused = new Outcome.Refused(rejected.why());
                request.ifPresent(r -> decided.refusedHere().refused(r, refused));
                decided.answer(DecidedChanges.Answer.refused(
                        change,
                        refused,
                        "refused " + StoredNames.CORE_TYPES.get(rejected.why().getClass()),
                        request));
            }
            case Decision.Accepted accepted -> {
                TableState after = decided.accept(accepted.events().stream()
                        .map(e -> (StoredEvent) new StoredEvent.Recorded(e, request))
                        .toList());
                Table recorded = after.table().orElseThrow();
                decided.answer(DecidedChanges.Answer.to(
                        change, done(after, accepted.events()), "recorded as version " + recorded.version()));
            }
        }
    }

    /** Answers one change: writes the audit line, remembers a refused request id, tells the caller. */
    private void send(DecidedChanges.Answer answer) {
        // The audit line carries its caller's log request id; this thread serves other tables next.
        try (LogContext.Scope logged = LogContext.with(answer.logRequestId())) {
            audit(answer.command(), answer.audit());
        }
        answer.reply().ifPresent(reply -> {
            if (reply.outcome() instanceof Outcome.Refused refused) {
                reply.refusedId().ifPresent(id -> requestIds.refused(id, refused));
            }
            reply.to().tell(reply.outcome());
        });
    }

    /** Changes for a table that was never opened: none is found, and the process stops, as for a single change. */
    private ReplyEffect<StoredEvent, TableState> noneFound(TableMessage.Changes changes) {
        changes.changes().forEach(change -> change.replyTo().tell(new Outcome.NotFound()));
        return Effect()
                .none()
                .thenRun(state -> shard.tell(new ClusterSharding.Passivate<>(self)))
                .thenReply(changes.intake(), state -> new TableMessage.Written(changes.batch()));
    }

    /**
     * A command past its caller's deadline: nothing is decided, journaled or answered (the caller has given up or is
     * about to, and has been told "not recorded"). A table that was never opened stops at once, as for any other miss.
     */
    private ReplyEffect<StoredEvent, TableState> dropLate(
            TableState state, Command command, Instant deadline, Instant now) {
        audit(command, DecidedChanges.droppedLate(deadline, now));
        return state.table().isPresent()
                ? Effect().noReply()
                : Effect()
                        .none()
                        .thenRun(s -> shard.tell(new ClusterSharding.Passivate<>(self)))
                        .thenNoReply();
    }

    /**
     * A whole history from an export, in one atomic write; then this process stops (it runs outside sharding, spawned
     * by the importer, and the table's first request starts it again from the journal).
     */
    private ReplyEffect<StoredEvent, TableState> importHistory(TableMessage.ImportHistory imported) {
        return Effect()
                .persist(imported.events())
                .thenRun(s -> AUDIT.info(
                        "table {} imported: {} events, version {}",
                        tableId,
                        imported.events().size(),
                        s.table().map(Table::version).orElse(0L)))
                .thenStop()
                .thenReply(imported.replyTo(), s -> done(s, List.of()));
    }

    /**
     * Retention: deletes this table's rows (one transaction, on this table's own thread so no change can slip in between)
     * and stops at once, so no message already queued for it is handled with the forgotten state; such a caller times
     * out (nothing recorded) and its retry finds no table.
     */
    private ReplyEffect<StoredEvent, TableState> retire(Table table, TableMessage.Retire retire) {
        Instant lastChange = TableMessage.Retire.lastChange(table);
        if (!TableMessage.Retire.expired(table, retire.lastChangeBefore())) {
            String why = table.closed() ? "changed since " + retire.lastChangeBefore() : "not closed";
            return Effect().reply(retire.replyTo(), new TableMessage.Retired(false, Optional.of(lastChange), why));
        }
        try {
            settings.deleteRows().accept(persistenceId().id());
        } catch (RuntimeException e) {
            return Effect()
                    .reply(
                            retire.replyTo(),
                            new TableMessage.Retired(false, Optional.of(lastChange), "not deleted: " + e.getMessage()));
        }
        forget(); // no view is answered from the forgotten state meanwhile
        return Effect()
                .stop()
                .thenReply(retire.replyTo(), s -> new TableMessage.Retired(true, Optional.of(lastChange), "deleted"));
    }

    /**
     * After the journal has the opening (asked at {@code writing}, a {@link System#nanoTime}): time the write, tell
     * listeners, and say so in the audit log, with the caller's log request id (this runs when the journal answers,
     * outside the command's handler).
     */
    private void recorded(Command command, TableState state, long writing, Optional<String> logRequestId) {
        settings.metrics().journalWrite(System.nanoTime() - writing);
        try (LogContext.Scope logged = LogContext.with(logRequestId)) {
            audit(
                    command,
                    "recorded as version " + state.table().map(Table::version).orElse(0L));
        }
        publish(state);
    }

    /** One line per change that reached the table: its id, the command's stored name, what became of it. No token. */
    private void audit(Command command, String outcome) {
        AUDIT.info("table {} {}: {}", tableId, StoredNames.CORE_TYPES.get(command.getClass()), outcome);
    }

    private ReplyEffect<StoredEvent, TableState> view(TableState state, TableMessage.View view) {
        return Effect().reply(view.replyTo(), viewOf(state, view.manageToken()));
    }

    /** A view of an open table: the table, whether {@code manageToken} (if given) manages it, and its group. */
    static Outcome viewOf(TableState state, Optional<String> manageToken) {
        boolean canManage = manageToken.map(state::managedBy).orElse(false);
        return new Outcome.Done(state.table().orElseThrow(), List.of(), canManage, state.groupId());
    }

    private void show(TableState state) {
        shown = state;
        settings.live().show(tableId, state);
    }

    private void forget() {
        settings.live().forget(tableId, shown);
    }

    /**
     * Answers a request for a table that does not exist and asks the shard to stop this process at once, so
     * that guessing ids cannot keep thousands of empty tables alive until the idle timeout.
     */
    private <R> ReplyEffect<StoredEvent, TableState> answerAndStop(ActorRef<R> replyTo, R outcome) {
        return Effect()
                .none()
                .thenRun(state -> shard.tell(new ClusterSharding.Passivate<>(self)))
                .thenReply(replyTo, state -> outcome);
    }

    private void publish(TableState state) {
        state.table().ifPresent(t -> topics.tell(new TableTopics.Publish(new TableChanged(tableId, t.version()))));
    }
}

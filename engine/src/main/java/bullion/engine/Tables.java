package bullion.engine;

import bullion.core.Command;
import bullion.engine.entity.LiveTables;
import bullion.engine.entity.TableEntity;
import bullion.engine.entity.TableMessage;
import bullion.engine.entity.TableTopics;
import bullion.engine.json.StoredNames;
import bullion.engine.ops.EngineMetrics;
import bullion.engine.ops.EngineMetrics.ChangeOutcome;
import bullion.engine.ops.LogContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * The facade the web pages and the JSON API call. Every method is asynchronous and answers an
 * {@link Outcome}; no caller ever sees an actor. A table that is not running is started (and rehydrated
 * from its journal) by whichever request reaches it first.
 */
public final class Tables {

    /** A newly opened table: its id, the manage token (shown once, stored only as a hash) and the outcome. */
    public record Opened(TableId id, String manageToken, Outcome outcome) {
        /** Never prints the token: this value is easy to log by accident. */
        @Override
        public String toString() {
            return "Opened[id=" + id + ", outcome=" + outcome + "]";
        }
    }

    /** What a caller is told to wait before retrying a change refused while the journal is down. */
    static final Duration RETRY_AFTER_JOURNAL_DOWN = Duration.ofSeconds(2);
    /** What a caller is told to wait before retrying a change that timed out. */
    static final Duration RETRY_AFTER_TIMEOUT = Duration.ofSeconds(1);

    private final ClusterSharding sharding;
    private final ActorRef<TableTopics.Message> topics;
    private final Duration askTimeout;
    private final Duration askAgainAfter;
    private final Duration deadlineBudget;
    private final Supplier<Optional<String>> journalProblem;
    private final Clock clock;
    private final EngineMetrics metrics;
    private final LiveTables live;

    Tables(
            ClusterSharding sharding,
            ActorRef<TableTopics.Message> topics,
            Duration askTimeout,
            Duration askAgainAfter,
            Duration deadlineBudget,
            Supplier<Optional<String>> journalProblem,
            Clock clock) {
        this(
                sharding,
                topics,
                askTimeout,
                askAgainAfter,
                deadlineBudget,
                journalProblem,
                clock,
                EngineMetrics.unread(),
                new LiveTables());
    }

    Tables(
            ClusterSharding sharding,
            ActorRef<TableTopics.Message> topics,
            Duration askTimeout,
            Duration askAgainAfter,
            Duration deadlineBudget,
            Supplier<Optional<String>> journalProblem,
            Clock clock,
            EngineMetrics metrics,
            LiveTables live) {
        this.metrics = metrics;
        this.live = live;
        this.sharding = sharding;
        this.topics = topics;
        this.askTimeout = askTimeout;
        this.askAgainAfter = askAgainAfter;
        this.deadlineBudget = deadlineBudget;
        this.journalProblem = journalProblem;
        this.clock = clock;
    }

    /**
     * Opens a new table. Like every change it fails with {@link NotRecorded} when it could not be recorded: at once
     * while the journal is known to be down, or when the table did not answer in time (it then never will record it).
     */
    public CompletionStage<Opened> open(Command.OpenTable command) {
        return open(command, Optional.empty());
    }

    /**
     * Opens a new table in a group ({@code command} names it in {@code groupId}); the group's manage token, whose hash
     * the table keeps, manages it as well as the table's own. {@link Groups#openTable} checks that token first.
     */
    CompletionStage<Opened> openInGroup(Command.OpenTable command, String groupTokenHash) {
        return open(command, Optional.of(groupTokenHash));
    }

    private CompletionStage<Opened> open(Command.OpenTable command, Optional<String> groupTokenHash) {
        TableId id = TableId.random();
        String token = ManageToken.generate();
        Optional<String> logRequestId = LogContext.current();
        return counted(
                        command,
                        write(
                                true,
                                (deadline, timeout) -> table(id)
                                        .<Outcome>ask(
                                                replyTo -> new TableMessage.Open(
                                                        command,
                                                        ManageToken.hash(token),
                                                        deadline,
                                                        replyTo,
                                                        groupTokenHash,
                                                        logRequestId),
                                                timeout)))
                .thenApply(outcome -> new Opened(id, token, outcome));
    }

    /**
     * Why changes are being refused now (the journal's database is unreachable or its disk nearly full); empty while
     * they are taken. Views of running tables are still answered from memory meanwhile, and are not behind: a table
     * applies a change only once its journal has it.
     */
    public Optional<String> journalProblem() {
        return journalProblem.get();
    }

    /** Whether {@code id} runs on this node and its views are answered from what it last showed; for tests. */
    boolean shownHere(TableId id) {
        return live.view(id, Optional.empty()).isPresent();
    }

    /**
     * The table as it is now; {@code manageToken}, if given, is checked and the answer says if it matched. A table
     * running on this node answers from {@link LiveTables}, at once; any other is asked through sharding, which starts
     * it if it is not running anywhere.
     */
    public CompletionStage<Outcome> view(TableId id, Optional<String> manageToken) {
        Optional<Outcome> here = live.view(id, manageToken);
        if (here.isPresent()) {
            return CompletableFuture.completedFuture(here.get());
        }
        Instant giveUpAt = clock.instant().plus(askTimeout);
        return AskAgain.within(
                askAgainAfter,
                giveUpAt.minus(askAgainAfter),
                giveUpAt,
                clock,
                timeout -> table(id).ask(replyTo -> new TableMessage.View(manageToken, replyTo), timeout));
    }

    /**
     * Any change to a table, made with its manage token. A {@code requestId} the table has seen recently gets
     * the first outcome again and records nothing new. Fails with {@link NotRecorded} when the change was not
     * recorded and never will be: at once while the journal is down, or when the table did not answer in time.
     * A change with a request id is asked again while its table moves between nodes ({@link AskAgain}); one without is
     * asked once, since a second copy could be recorded twice.
     */
    public CompletionStage<Outcome> change(
            TableId id, String manageToken, Command command, Optional<String> requestId) {
        Optional<String> logRequestId = LogContext.current();
        return counted(
                command,
                write(
                        requestId.isPresent(),
                        (deadline, timeout) -> table(id)
                                .ask(
                                        replyTo -> new TableMessage.Change(
                                                command, manageToken, requestId, deadline, replyTo, logRequestId),
                                        timeout)));
    }

    /** Counts the change by its stored name and what its caller is told (EngineMetrics). */
    private CompletionStage<Outcome> counted(Command command, CompletionStage<Outcome> asked) {
        String kind = StoredNames.CORE_TYPES.get(command.getClass());
        return asked.whenComplete((outcome, error) -> metrics.change(
                kind,
                switch (outcome) {
                    case null ->
                        error instanceof NotRecorded
                                        || (error instanceof CompletionException
                                                && error.getCause() instanceof NotRecorded)
                                ? ChangeOutcome.NOT_RECORDED
                                : ChangeOutcome.FAILED;
                    case Outcome.Done done -> ChangeOutcome.ACCEPTED;
                    case Outcome.Refused refused -> ChangeOutcome.REFUSED;
                    case Outcome.Forbidden forbidden -> ChangeOutcome.FORBIDDEN;
                    case Outcome.NotFound notFound -> ChangeOutcome.NOT_FOUND;
                    case Outcome.RequestIdReused reused -> ChangeOutcome.REQUEST_ID_REUSED;
                }));
    }

    /**
     * Asks for a change with a deadline {@link EngineSettings#deadlineBudget} from now, so the table drops it if it
     * gets there too late for its write to finish before this ask times out; refused at once while the journal is down.
     * With {@code askAgain} (the change cannot be recorded twice) an attempt that times out is sent again, with the same
     * deadline, until the deadline.
     */
    private <T> CompletionStage<T> write(boolean askAgain, BiFunction<Instant, Duration, CompletionStage<T>> ask) {
        Optional<String> problem = journalProblem.get();
        if (problem.isPresent()) {
            return CompletableFuture.failedFuture(new NotRecorded(
                    NotRecorded.Reason.JOURNAL_UNAVAILABLE,
                    RETRY_AFTER_JOURNAL_DOWN,
                    "not recorded: " + problem.get()));
        }
        Instant now = clock.instant();
        Instant deadline = now.plus(deadlineBudget);
        // Asked again until the deadline (past it the table drops every copy), then waited for until the ask timeout.
        return AskAgain.within(
                        askAgain ? askAgainAfter : askTimeout,
                        deadline,
                        now.plus(askTimeout),
                        clock,
                        timeout -> ask.apply(deadline, timeout))
                .exceptionallyCompose(error -> {
                    Throwable cause =
                            error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    if (!(cause instanceof TimeoutException)) {
                        return CompletableFuture.failedFuture(cause);
                    }
                    NotRecorded notRecorded = new NotRecorded(
                            NotRecorded.Reason.TIMED_OUT,
                            RETRY_AFTER_TIMEOUT,
                            "not recorded: the table timed out after " + askTimeout.toMillis() + " ms");
                    notRecorded.initCause(cause);
                    return CompletableFuture.failedFuture(notRecorded);
                });
    }

    public CompletionStage<Outcome> addPlayer(TableId id, String manageToken, String name, Optional<String> requestId) {
        return change(id, manageToken, new Command.AddPlayer(name), requestId);
    }

    public CompletionStage<Outcome> buyIn(
            TableId id, String manageToken, int playerId, long count, Optional<String> requestId) {
        return change(id, manageToken, new Command.BuyIn(playerId, count), requestId);
    }

    public CompletionStage<Outcome> cashOut(
            TableId id, String manageToken, int playerId, long chips, Optional<String> requestId) {
        return change(id, manageToken, new Command.CashOut(playerId, chips), requestId);
    }

    public CompletionStage<Outcome> voidEntry(
            TableId id, String manageToken, int seq, Optional<String> reason, Optional<String> requestId) {
        return change(id, manageToken, new Command.VoidEntry(seq, reason), requestId);
    }

    public CompletionStage<Outcome> close(TableId id, String manageToken, Optional<String> requestId) {
        return change(id, manageToken, new Command.CloseTable(), requestId);
    }

    public CompletionStage<Outcome> reopen(TableId id, String manageToken, Optional<String> requestId) {
        return change(id, manageToken, new Command.ReopenTable(), requestId);
    }

    /**
     * Calls {@code listener} after every change to the table, made on any node, until the subscription is
     * closed. A change made on this node after this returns is always heard. The listener runs on an actor
     * thread: it should hand work off, not block.
     */
    public AutoCloseable subscribe(TableId id, Consumer<TableChanged> listener) {
        String listenerId = UUID.randomUUID().toString();
        // Registered before this returns: any change this node publishes afterwards reaches the listener.
        topics.tell(new TableTopics.Listen(id.value(), listenerId, listener));
        return () -> topics.tell(new TableTopics.StopListening(listenerId));
    }

    private EntityRef<TableMessage> table(TableId id) {
        return sharding.entityRefFor(TableEntity.TYPE_KEY, id.value());
    }
}

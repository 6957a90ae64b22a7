package bullion.engine;

import bullion.core.Command;
import bullion.core.Rejection;
import bullion.core.group.GroupCommand;
import bullion.core.group.Standings;
import bullion.engine.group.GroupEntity;
import bullion.engine.group.GroupMessage;
import bullion.engine.standings.StandingsProjection;
import bullion.engine.standings.StandingsStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * The facade for groups, beside {@link Tables}: create a group, read it with its standings, rename and merge members,
 * open a table in it. Every method is asynchronous; no caller sees an actor.
 */
public final class Groups {

    /** A newly created group: its id, the manage token (shown once, stored only as a hash) and the outcome. */
    public record Created(GroupId id, String manageToken, GroupOutcome outcome) {
        @Override
        public String toString() {
            return "Created[id=" + id + ", outcome=" + outcome + "]";
        }
    }

    /** A group with its standings as the read side has them now. */
    public record WithStandings(GroupOutcome.Done group, Standings standings) {}

    /** What opening a table in a group gave: the table, or why the group refused (not found, wrong token, …). */
    public sealed interface TableInGroup {
        record Opened(Tables.Opened table) implements TableInGroup {}

        record Refused(GroupOutcome why) implements TableInGroup {}
    }

    private final ClusterSharding sharding;
    private final Tables tables;
    private final StandingsStore store;
    private final StandingsProjection projection;
    private final Duration askTimeout;
    /** The read side's queries block on JDBC: each runs on its own virtual thread, never on an actor's. */
    private final ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();

    Groups(
            ClusterSharding sharding,
            Tables tables,
            StandingsStore store,
            StandingsProjection projection,
            Duration askTimeout) {
        this.sharding = sharding;
        this.tables = tables;
        this.store = store;
        this.projection = projection;
        this.askTimeout = askTimeout;
    }

    public CompletionStage<Created> create(String name, String currencyCode) {
        GroupId id = GroupId.random();
        String token = ManageToken.generate();
        return group(id)
                .<GroupOutcome>ask(
                        replyTo -> new GroupMessage.Create(
                                new GroupCommand.CreateGroup(name, currencyCode), ManageToken.hash(token), replyTo),
                        askTimeout)
                .thenApply(outcome -> new Created(id, token, outcome));
    }

    public CompletionStage<GroupOutcome> view(GroupId id, Optional<String> manageToken) {
        return group(id).ask(replyTo -> new GroupMessage.View(manageToken, replyTo), askTimeout);
    }

    /** The group and its standings (nights from the read side, matched to the members the group has now). */
    public CompletionStage<Optional<WithStandings>> standings(GroupId id, Optional<String> manageToken) {
        return view(id, manageToken)
                .thenComposeAsync(
                        outcome -> outcome instanceof GroupOutcome.Done done
                                ? CompletableFuture.supplyAsync(
                                        () -> Optional.of(new WithStandings(
                                                done, Standings.of(done.group(), store.nights(id.value())))),
                                        reads)
                                : CompletableFuture.completedFuture(Optional.empty()),
                        reads);
    }

    /** A change to the group's members, with its manage token. */
    public CompletionStage<GroupOutcome> change(GroupId id, String manageToken, GroupCommand command) {
        return group(id).ask(replyTo -> new GroupMessage.Change(command, manageToken, replyTo), askTimeout);
    }

    /**
     * Opens a table in the group: the group's token must manage the group, and the table is played in the group's
     * currency. The table keeps the hash of that token, so it manages the table too.
     */
    public CompletionStage<TableInGroup> openTable(GroupId id, String manageToken, Command.OpenTable command) {
        return view(id, Optional.of(manageToken)).thenCompose(outcome -> {
            if (!(outcome instanceof GroupOutcome.Done done)) {
                return CompletableFuture.completedFuture(new TableInGroup.Refused(outcome));
            }
            if (!done.canManage()) {
                return CompletableFuture.completedFuture(new TableInGroup.Refused(new GroupOutcome.Forbidden()));
            }
            String currency = done.group().currencyCode();
            if (command.currencyCode() != null && !command.currencyCode().equalsIgnoreCase(currency)) {
                return CompletableFuture.completedFuture(new TableInGroup.Refused(new GroupOutcome.Refused(
                        new Rejection.NotTheGroupsCurrency(command.currencyCode(), currency))));
            }
            Command.OpenTable inGroup = new Command.OpenTable(
                    command.name(),
                    currency,
                    command.buyIn(),
                    command.chipsPerBuyIn(),
                    command.defaultPaid(),
                    Optional.of(id.value()));
            return tables.openInGroup(inGroup, ManageToken.hash(manageToken)).thenApply(TableInGroup.Opened::new);
        });
    }

    /**
     * Makes these names members of the group unless a member answers to one already, and waits for it: the
     * projection's own change (no token), from its JDBC thread.
     */
    static void addMembersNow(ClusterSharding sharding, Duration askTimeout, String groupId, List<String> names) {
        try {
            GroupOutcome outcome = sharding.entityRefFor(GroupEntity.TYPE_KEY, groupId)
                    .<GroupOutcome>ask(
                            replyTo -> new GroupMessage.Internal(new GroupCommand.AddMembers(names), replyTo),
                            askTimeout)
                    .toCompletableFuture()
                    .get(askTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!(outcome instanceof GroupOutcome.Done)) {
                throw new IllegalStateException("group " + groupId + " did not take its members: " + outcome);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("group " + groupId + " did not take its members", e);
        }
    }

    /**
     * Whether the standings have caught up with every change journaled so far (a change acknowledged before this is
     * asked is in the journal): for tests and operations that need to know the read side is current.
     */
    public boolean standingsCaughtUp() {
        return projection.caughtUp();
    }

    /** Rebuilds the read side from the journal (see {@link StandingsProjection#rebuild}). */
    public void rebuildStandings(Duration timeout) throws Exception {
        projection.rebuild(timeout);
    }

    private EntityRef<GroupMessage> group(GroupId id) {
        return sharding.entityRefFor(GroupEntity.TYPE_KEY, id.value());
    }
}

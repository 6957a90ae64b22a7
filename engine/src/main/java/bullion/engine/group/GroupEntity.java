package bullion.engine.group;

import bullion.core.group.GroupCommand;
import bullion.core.group.GroupDecider;
import bullion.core.group.GroupDecision;
import bullion.core.group.GroupEvent;
import bullion.engine.GroupOutcome;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReplyBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * One group's live process, beside the tables: commands go to the core's {@code GroupDecider}, accepted events are
 * journaled and then applied by {@code GroupApplier}. No rule of a group lives here.
 */
public final class GroupEntity
        extends EventSourcedBehaviorWithEnforcedReplies<GroupMessage, StoredGroupEvent, GroupState> {

    public static final EntityTypeKey<GroupMessage> TYPE_KEY = EntityTypeKey.create(GroupMessage.class, "Group");

    private final int snapshotEvery;
    private final ActorRef<GroupMessage> self;
    private final ActorRef<ClusterSharding.ShardCommand> shard;

    private GroupEntity(
            String groupId,
            int snapshotEvery,
            Duration minBackoff,
            Duration maxBackoff,
            ActorRef<GroupMessage> self,
            ActorRef<ClusterSharding.ShardCommand> shard) {
        super(
                PersistenceId.of(TYPE_KEY.name(), groupId),
                SupervisorStrategy.restartWithBackoff(minBackoff, maxBackoff, 0.2));
        this.snapshotEvery = snapshotEvery;
        this.self = self;
        this.shard = shard;
    }

    public static Behavior<GroupMessage> create(
            String groupId,
            int snapshotEvery,
            Duration minBackoff,
            Duration maxBackoff,
            ActorRef<ClusterSharding.ShardCommand> shard) {
        return Behaviors.supervise(Behaviors.<GroupMessage>setup(
                        ctx -> new GroupEntity(groupId, snapshotEvery, minBackoff, maxBackoff, ctx.getSelf(), shard)))
                .onFailure(SupervisorStrategy.restartWithBackoff(minBackoff, maxBackoff, 0.2));
    }

    @Override
    public GroupState emptyState() {
        return GroupState.empty();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(snapshotEvery, 2);
    }

    /** A group not yet created can only be created; an existing one checks the token before it decides. */
    @Override
    public CommandHandlerWithReply<GroupMessage, StoredGroupEvent, GroupState> commandHandler() {
        CommandHandlerWithReplyBuilder<GroupMessage, StoredGroupEvent, GroupState> builder =
                newCommandHandlerWithReplyBuilder();
        builder.forState(state -> state.group().isEmpty())
                .onCommand(GroupMessage.Create.class, this::create)
                .onCommand(GroupMessage.Change.class, c -> notFound(c.replyTo()))
                .onCommand(GroupMessage.Internal.class, c -> notFound(c.replyTo()))
                .onCommand(GroupMessage.View.class, v -> notFound(v.replyTo()));
        builder.forState(state -> state.group().isPresent())
                .onCommand(GroupMessage.Create.class, this::create)
                .onCommand(
                        GroupMessage.Change.class,
                        (state, change) -> state.managedBy(change.manageToken())
                                ? decide(state, change.command(), change.replyTo())
                                : Effect().reply(change.replyTo(), new GroupOutcome.Forbidden()))
                .onCommand(
                        GroupMessage.Internal.class,
                        (state, internal) -> decide(state, internal.command(), internal.replyTo()))
                .onCommand(
                        GroupMessage.View.class,
                        (state, view) -> Effect()
                                .reply(
                                        view.replyTo(),
                                        new GroupOutcome.Done(
                                                state.group().orElseThrow(),
                                                List.of(),
                                                view.manageToken()
                                                        .map(state::managedBy)
                                                        .orElse(false))));
        return builder.build();
    }

    @Override
    public EventHandler<GroupState, StoredGroupEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(GroupState::apply);
    }

    private ReplyEffect<StoredGroupEvent, GroupState> create(GroupState state, GroupMessage.Create create) {
        return switch (GroupDecider.decide(state.group(), create.command())) {
            case GroupDecision.Rejected rejected ->
                Effect().reply(create.replyTo(), new GroupOutcome.Refused(rejected.why()));
            case GroupDecision.Accepted accepted ->
                Effect()
                        .persist(accepted.events().stream()
                                .map(e -> (StoredGroupEvent) new StoredGroupEvent.GroupStarted(
                                        (GroupEvent.GroupCreated) e, create.manageTokenHash()))
                                .toList())
                        .thenReply(
                                create.replyTo(),
                                s -> new GroupOutcome.Done(s.group().orElseThrow(), accepted.events(), true));
        };
    }

    private ReplyEffect<StoredGroupEvent, GroupState> decide(
            GroupState state, GroupCommand command, ActorRef<GroupOutcome> replyTo) {
        return switch (GroupDecider.decide(state.group(), command)) {
            case GroupDecision.Rejected rejected -> Effect().reply(replyTo, new GroupOutcome.Refused(rejected.why()));
            case GroupDecision.Accepted accepted ->
                Effect()
                        .persist(accepted.events().stream()
                                .map(e -> (StoredGroupEvent) new StoredGroupEvent.GroupRecorded(e))
                                .toList())
                        .thenReply(
                                replyTo, s -> new GroupOutcome.Done(s.group().orElseThrow(), accepted.events(), true));
        };
    }

    /** No such group: answer, and stop this process at once so guessed ids cost nothing. */
    private ReplyEffect<StoredGroupEvent, GroupState> notFound(ActorRef<GroupOutcome> replyTo) {
        return Effect()
                .none()
                .thenRun(state -> shard.tell(new ClusterSharding.Passivate<>(self)))
                .thenReply(replyTo, state -> new GroupOutcome.NotFound());
    }
}

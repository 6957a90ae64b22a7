package bullion.core.group;

import bullion.core.CommandDecider;
import bullion.core.Names;
import bullion.core.Rejection;
import bullion.core.group.GroupDecision.Accepted;
import bullion.core.group.GroupDecision.Rejected;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every rule of a group. Never throws for any input: a refusal is a {@link Rejection} with a sentence. */
public final class GroupDecider {

    /** A group's name is held to a table's length, a member's name to a player's. */
    public static final int MAX_GROUP_NAME = CommandDecider.MAX_TABLE_NAME;

    public static final int MAX_MEMBER_NAME = CommandDecider.MAX_PLAYER_NAME;

    /** Names at most one {@link GroupCommand.AddMembers} may carry: a table's players, with room to spare. */
    public static final int MAX_NAMES_AT_ONCE = 1_000;

    private GroupDecider() {}

    public static GroupDecision decide(Optional<Group> group, GroupCommand command) {
        if (command instanceof GroupCommand.CreateGroup create) {
            return group.isPresent() ? new Rejected(new Rejection.GroupAlreadyExists()) : create(create);
        }
        if (group.isEmpty()) {
            return new Rejected(new Rejection.GroupNotFound());
        }
        Group g = group.get();
        return switch (command) {
            case GroupCommand.CreateGroup c -> throw new IllegalStateException("handled above");
            case GroupCommand.AddMembers add -> addMembers(g, add);
            case GroupCommand.RenameMember rename -> rename(g, rename);
            case GroupCommand.MergeMember merge -> merge(g, merge);
        };
    }

    private static GroupDecision create(GroupCommand.CreateGroup create) {
        Optional<String> problem = Names.problem(create.name(), MAX_GROUP_NAME);
        if (problem.isPresent()) {
            return new Rejected(new Rejection.InvalidGroupName(problem.get()));
        }
        String code = create.currencyCode() == null
                ? ""
                : create.currencyCode().strip().toUpperCase(Locale.ROOT);
        Optional<Currency> currency = currency(code);
        if (currency.isEmpty()) {
            return new Rejected(new Rejection.UnknownCurrency(String.valueOf(create.currencyCode())));
        }
        return new Accepted(List.of(new GroupEvent.GroupCreated(
                Names.normalized(create.name()), currency.get().getCurrencyCode())));
    }

    private static Optional<Currency> currency(String code) {
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static GroupDecision addMembers(Group group, GroupCommand.AddMembers add) {
        if (add.names().size() > MAX_NAMES_AT_ONCE) {
            return new Rejected(new Rejection.InvalidMemberName("lists must hold at most " + MAX_NAMES_AT_ONCE
                    + " names, not " + add.names().size()));
        }
        List<GroupEvent> events = new ArrayList<>();
        Group next = group;
        for (String raw : add.names()) {
            Optional<String> problem = Names.problem(raw, MAX_MEMBER_NAME);
            if (problem.isPresent()) {
                return new Rejected(new Rejection.InvalidMemberName(problem.get()));
            }
            String name = Names.normalized(raw);
            if (next.memberNamed(name).isEmpty()) {
                GroupEvent added = new GroupEvent.MemberAdded(next.nextMemberId(), name);
                events.add(added);
                next = GroupApplier.apply(Optional.of(next), added);
            }
        }
        return new Accepted(events);
    }

    private static GroupDecision rename(Group group, GroupCommand.RenameMember rename) {
        Optional<Member> member = group.member(rename.memberId());
        if (member.isEmpty()) {
            return new Rejected(new Rejection.UnknownMember(rename.memberId()));
        }
        Optional<String> problem = Names.problem(rename.name(), MAX_MEMBER_NAME);
        if (problem.isPresent()) {
            return new Rejected(new Rejection.InvalidMemberName(problem.get()));
        }
        String name = Names.normalized(rename.name());
        if (name.equals(member.get().name())) {
            return new Accepted(List.of());
        }
        Optional<Member> holder = group.memberNamed(name);
        if (holder.isPresent() && holder.get().id() != rename.memberId()) {
            return new Rejected(new Rejection.DuplicateMemberName(name));
        }
        return new Accepted(List.of(new GroupEvent.MemberRenamed(rename.memberId(), name)));
    }

    private static GroupDecision merge(Group group, GroupCommand.MergeMember merge) {
        if (group.member(merge.memberId()).isEmpty()) {
            return new Rejected(new Rejection.UnknownMember(merge.memberId()));
        }
        if (group.member(merge.into()).isEmpty()) {
            return new Rejected(new Rejection.UnknownMember(merge.into()));
        }
        if (merge.memberId() == merge.into()) {
            return new Rejected(new Rejection.MergeIntoItself(merge.memberId()));
        }
        return new Accepted(List.of(new GroupEvent.MemberMerged(merge.memberId(), merge.into())));
    }
}

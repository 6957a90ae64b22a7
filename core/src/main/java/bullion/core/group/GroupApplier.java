package bullion.core.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Folds a group's events into the group: no rules, so replaying a group's journal rebuilds it exactly. */
public final class GroupApplier {

    private GroupApplier() {}

    public static Group apply(Optional<Group> group, GroupEvent event) {
        if (event instanceof GroupEvent.GroupCreated created) {
            return new Group(created.name(), created.currencyCode(), List.of(), 1, 1);
        }
        Group g = group.orElseThrow(() -> new IllegalStateException("an event before the group was created"));
        return switch (event) {
            case GroupEvent.GroupCreated c -> throw new IllegalStateException("group created twice");
            case GroupEvent.MemberAdded added -> {
                List<Member> members = new ArrayList<>(g.members());
                members.add(new Member(added.memberId(), added.name(), List.of()));
                yield new Group(
                        g.name(),
                        g.currencyCode(),
                        members,
                        Math.max(g.nextMemberId(), added.memberId() + 1),
                        g.version() + 1);
            }
            case GroupEvent.MemberRenamed renamed ->
                withMembers(
                        g,
                        g.members().stream()
                                .map(m -> m.id() == renamed.memberId() ? renamedTo(m, renamed.name()) : m)
                                .toList());
            case GroupEvent.MemberMerged merged -> {
                Member gone = g.member(merged.memberId()).orElseThrow();
                yield withMembers(
                        g,
                        g.members().stream()
                                .filter(m -> m.id() != merged.memberId())
                                .map(m -> m.id() == merged.into() ? absorbing(m, gone) : m)
                                .toList());
            }
        };
    }

    public static Optional<Group> replay(List<GroupEvent> events) {
        Optional<Group> group = Optional.empty();
        for (GroupEvent event : events) {
            group = Optional.of(apply(group, event));
        }
        return group;
    }

    private static Group withMembers(Group g, List<Member> members) {
        return new Group(g.name(), g.currencyCode(), members, g.nextMemberId(), g.version() + 1);
    }

    /** The old name stays one the member answers to (unless it is the new one again). */
    private static Member renamedTo(Member m, String name) {
        List<String> former = new ArrayList<>(m.formerNames());
        former.remove(name);
        former.add(0, m.name());
        return new Member(m.id(), name, former);
    }

    private static Member absorbing(Member into, Member gone) {
        List<String> former = new ArrayList<>(into.formerNames());
        former.addAll(gone.allNames());
        return new Member(into.id(), into.name(), former);
    }
}

package bullion.core.group;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupDeciderTest {

    private static Group run(GroupCommand... commands) {
        Optional<Group> group = Optional.empty();
        for (GroupCommand command : commands) {
            GroupDecision decision = GroupDecider.decide(group, command);
            if (!(decision instanceof GroupDecision.Accepted accepted)) {
                throw new AssertionError(command + " refused: " + decision);
            }
            for (GroupEvent e : accepted.events()) {
                group = Optional.of(GroupApplier.apply(group, e));
            }
        }
        return group.orElseThrow();
    }

    private static Rejection refusal(Group group, GroupCommand command) {
        return ((GroupDecision.Rejected) GroupDecider.decide(Optional.of(group), command)).why();
    }

    private static final GroupCommand CREATE = new GroupCommand.CreateGroup(" Thursday crew ", "usd");

    @Test
    void aGroupIsCreatedWithATrimmedNameAndAnUpperCaseCurrency() {
        Group group = run(CREATE);
        assertThat(group.name()).isEqualTo("Thursday crew");
        assertThat(group.currencyCode()).isEqualTo("USD");
        assertThat(group.members()).isEmpty();
    }

    @Test
    void aBlankNameOrAnUnknownCurrencyIsRefused() {
        assertThat(((GroupDecision.Rejected)
                                GroupDecider.decide(Optional.empty(), new GroupCommand.CreateGroup(" ", "USD")))
                        .why())
                .isInstanceOf(Rejection.InvalidGroupName.class);
        assertThat(((GroupDecision.Rejected)
                                GroupDecider.decide(Optional.empty(), new GroupCommand.CreateGroup("G", "XYZ")))
                        .why())
                .isInstanceOf(Rejection.UnknownCurrency.class);
        assertThat(((GroupDecision.Rejected)
                                GroupDecider.decide(Optional.empty(), new GroupCommand.CreateGroup("G", null)))
                        .why())
                .isInstanceOf(Rejection.UnknownCurrency.class);
    }

    @Test
    void creatingTwiceIsRefusedAndAnythingBeforeCreatingFindsNoGroup() {
        assertThat(refusal(run(CREATE), CREATE)).isInstanceOf(Rejection.GroupAlreadyExists.class);
        assertThat(((GroupDecision.Rejected)
                                GroupDecider.decide(Optional.empty(), new GroupCommand.RenameMember(1, "A")))
                        .why())
                .isInstanceOf(Rejection.GroupNotFound.class);
    }

    @Test
    void addingMembersMatchesNamesByTheTablesRulesSoAskingTwiceAddsNothing() {
        Group group = run(CREATE, new GroupCommand.AddMembers(List.of("Ann", "Bob")));
        GroupDecision again = GroupDecider.decide(
                Optional.of(group), new GroupCommand.AddMembers(List.of("ann", " BOB ", "Cafe\u0301")));
        assertThat(((GroupDecision.Accepted) again).events())
                .containsExactly(new GroupEvent.MemberAdded(3, "Caf\u00e9"));
    }

    @Test
    void aRenamedMemberStillAnswersToTheOldName() {
        Group group =
                run(CREATE, new GroupCommand.AddMembers(List.of("Bob")), new GroupCommand.RenameMember(1, "Robert"));
        assertThat(group.memberNamed("bob").orElseThrow().name()).isEqualTo("Robert");
        assertThat(group.memberNamed("ROBERT").orElseThrow().id()).isEqualTo(1);
    }

    @Test
    void renamingToAnotherMembersNameIsRefusedAndToTheSameNameChangesNothing() {
        Group group = run(
                CREATE, new GroupCommand.AddMembers(List.of("Ann", "Bob")), new GroupCommand.RenameMember(2, "Robert"));
        assertThat(refusal(group, new GroupCommand.RenameMember(1, "bob")))
                .isInstanceOf(Rejection.DuplicateMemberName.class);
        assertThat(refusal(group, new GroupCommand.RenameMember(1, "robert")))
                .isInstanceOf(Rejection.DuplicateMemberName.class);
        assertThat(((GroupDecision.Accepted)
                                GroupDecider.decide(Optional.of(group), new GroupCommand.RenameMember(1, "Ann")))
                        .events())
                .isEmpty();
        assertThat(refusal(group, new GroupCommand.RenameMember(9, "Zed"))).isInstanceOf(Rejection.UnknownMember.class);
        assertThat(refusal(group, new GroupCommand.RenameMember(1, "\u200b")))
                .isInstanceOf(Rejection.InvalidMemberName.class);
    }

    @Test
    void aMergedMembersNamesBelongToTheMemberMergedInto() {
        Group group =
                run(CREATE, new GroupCommand.AddMembers(List.of("Ann", "Annie")), new GroupCommand.MergeMember(2, 1));
        assertThat(group.members()).hasSize(1);
        assertThat(group.memberNamed("annie").orElseThrow().id()).isEqualTo(1);
        assertThat(refusal(group, new GroupCommand.MergeMember(1, 1))).isInstanceOf(Rejection.MergeIntoItself.class);
        assertThat(refusal(group, new GroupCommand.MergeMember(2, 1))).isInstanceOf(Rejection.UnknownMember.class);
        Group next = run(CREATE, new GroupCommand.AddMembers(List.of("Ann", "Annie", "Bo")));
        assertThat(next.nextMemberId()).isEqualTo(4);
    }

    @Test
    void replayingTheEventsRebuildsTheGroup() {
        List<GroupEvent> events = new ArrayList<>();
        Optional<Group> group = Optional.empty();
        for (GroupCommand command : List.of(
                CREATE,
                new GroupCommand.AddMembers(List.of("Ann", "Bob", "Cy")),
                new GroupCommand.RenameMember(2, "Robert"),
                new GroupCommand.MergeMember(3, 1))) {
            for (GroupEvent e : ((GroupDecision.Accepted) GroupDecider.decide(group, command)).events()) {
                events.add(e);
                group = Optional.of(GroupApplier.apply(group, e));
            }
        }
        assertThat(GroupApplier.replay(events)).isEqualTo(group);
    }
}

package bullion.core.group;

import java.util.List;

/** What can be asked of a group. */
public sealed interface GroupCommand {

    record CreateGroup(String name, String currencyCode) implements GroupCommand {}

    /** Makes each name a member unless a member already answers to it: asking twice adds nothing the second time. */
    record AddMembers(List<String> names) implements GroupCommand {
        public AddMembers {
            names = List.copyOf(names);
        }
    }

    record RenameMember(int memberId, String name) implements GroupCommand {}

    /** {@code memberId} and {@code into} were the same person: {@code memberId}'s nights become {@code into}'s. */
    record MergeMember(int memberId, int into) implements GroupCommand {}
}

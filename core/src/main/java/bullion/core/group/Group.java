package bullion.core.group;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A group's whole state: its name, the currency its tables are played in, its members in the order they joined,
 * the next member id (ids of merged members are never given again) and {@code version}, the events applied.
 */
public record Group(String name, String currencyCode, List<Member> members, int nextMemberId, long version) {

    public Group {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currencyCode, "currencyCode");
        members = List.copyOf(members);
    }

    public Optional<Member> member(int memberId) {
        return members.stream().filter(m -> m.id() == memberId).findFirst();
    }

    /** The member a table's player called {@code playerName} is, by the table's name rules. */
    public Optional<Member> memberNamed(String playerName) {
        return members.stream().filter(m -> m.answersTo(playerName)).findFirst();
    }
}

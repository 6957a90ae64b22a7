package bullion.core.group;

import bullion.core.Names;
import java.util.List;
import java.util.Objects;

/**
 * A member of a group: an id that never changes, the name shown, and every name they went by before (earlier
 * names and the names of members merged into them), so the nights played under any of those names stay theirs.
 */
public record Member(int id, String name, List<String> formerNames) {

    public Member {
        Objects.requireNonNull(name, "name");
        formerNames = List.copyOf(formerNames);
    }

    /** Whether a table's player called {@code playerName} is this member: the table's rule, NFC and case-folded. */
    public boolean answersTo(String playerName) {
        return Names.sameName(name, playerName) || formerNames.stream().anyMatch(n -> Names.sameName(n, playerName));
    }

    /** Every name this member answers to, the current one first. */
    public List<String> allNames() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), formerNames.stream())
                .toList();
    }
}

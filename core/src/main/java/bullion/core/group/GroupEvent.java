package bullion.core.group;

/**
 * A fact about a group, in the past tense: the stored format of a group's journal, so its shape must stay stable
 * (engine's {@code StoredNames} names each one).
 */
public sealed interface GroupEvent {

    record GroupCreated(String name, String currencyCode) implements GroupEvent {}

    record MemberAdded(int memberId, String name) implements GroupEvent {}

    /** The member goes by {@code name} from now on and still answers to the names before it. */
    record MemberRenamed(int memberId, String name) implements GroupEvent {}

    /** {@code memberId} is gone; {@code into} answers to all its names from now on. */
    record MemberMerged(int memberId, int into) implements GroupEvent {}
}

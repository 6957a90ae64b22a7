package bullion.engine.json;

import static java.util.Map.entry;

import bullion.core.BuyInSize;
import bullion.core.Command;
import bullion.core.Event;
import bullion.core.MissingChips;
import bullion.core.Party;
import bullion.core.Rejection;
import bullion.core.group.GroupCommand;
import bullion.core.group.GroupEvent;
import bullion.engine.entity.StoredEvent;
import bullion.engine.entity.TableState;
import bullion.engine.group.GroupState;
import bullion.engine.group.StoredGroupEvent;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The names Bullion's stored and transmitted values go by, written out by hand. A journal row names its type
 * with these strings forever, so they are a contract: never derive them from a Java class name, never change one.
 * A renamed class keeps its old name here; a new event, command or rejection needs a new line here
 * ({@code StoredNamesTest} fails until it has one).
 */
public final class StoredNames {

    private StoredNames() {}

    /**
     * The {@code "type"} property of the core's sealed values (the roots in {@code CoreJsonModule}). Those of the
     * first release are its simple class names, which journals already hold ("BoughtIn", …); a new entry may be
     * anything unique within its root.
     */
    public static final Map<Class<?>, String> CORE_TYPES = Map.ofEntries(
            entry(Event.TableOpened.class, "TableOpened"),
            entry(Event.PlayerJoined.class, "PlayerJoined"),
            entry(Event.BoughtIn.class, "BoughtIn"),
            entry(Event.CashedOut.class, "CashedOut"),
            entry(Event.EntryVoided.class, "EntryVoided"),
            entry(Event.TableClosed.class, "TableClosed"),
            entry(Event.TableReopened.class, "TableReopened"),
            entry(Event.BoughtChips.class, "BoughtChips"),
            entry(Event.PlayerRenamed.class, "PlayerRenamed"),
            entry(Event.PayHandlesSet.class, "PayHandlesSet"),
            entry(Event.PaymentMarked.class, "PaymentMarked"),
            entry(Event.PaymentUnmarked.class, "PaymentUnmarked"),
            entry(Command.OpenTable.class, "OpenTable"),
            entry(Command.AddPlayer.class, "AddPlayer"),
            entry(Command.BuyIn.class, "BuyIn"),
            entry(Command.CashOut.class, "CashOut"),
            entry(Command.VoidEntry.class, "VoidEntry"),
            entry(Command.CloseTable.class, "CloseTable"),
            entry(Command.ReopenTable.class, "ReopenTable"),
            entry(Command.RenamePlayer.class, "RenamePlayer"),
            entry(Command.SetPayHandles.class, "SetPayHandles"),
            entry(Command.MarkPaid.class, "MarkPaid"),
            entry(Command.UnmarkPaid.class, "UnmarkPaid"),
            entry(Rejection.InvalidTableName.class, "InvalidTableName"),
            entry(Rejection.UnknownCurrency.class, "UnknownCurrency"),
            entry(Rejection.BuyInNotPositive.class, "BuyInNotPositive"),
            entry(Rejection.BuyInTooPrecise.class, "BuyInTooPrecise"),
            entry(Rejection.BuyInTooLarge.class, "BuyInTooLarge"),
            entry(Rejection.ChipsPerBuyInOutOfRange.class, "ChipsPerBuyInOutOfRange"),
            entry(Rejection.TableAlreadyOpen.class, "TableAlreadyOpen"),
            entry(Rejection.TableNotOpen.class, "TableNotOpen"),
            entry(Rejection.InvalidPlayerName.class, "InvalidPlayerName"),
            entry(Rejection.DuplicatePlayerName.class, "DuplicatePlayerName"),
            entry(Rejection.UnknownPlayer.class, "UnknownPlayer"),
            entry(Rejection.BuyInCountOutOfRange.class, "BuyInCountOutOfRange"),
            entry(Rejection.TableLimitReached.class, "TableLimitReached"),
            entry(Rejection.NegativeCashOut.class, "NegativeCashOut"),
            entry(Rejection.NotEnoughChipsOnTable.class, "NotEnoughChipsOnTable"),
            entry(Rejection.UnknownEntry.class, "UnknownEntry"),
            entry(Rejection.EntryAlreadyVoided.class, "EntryAlreadyVoided"),
            entry(Rejection.VoidWouldLeaveTooFewChips.class, "VoidWouldLeaveTooFewChips"),
            entry(Rejection.ReasonTooLong.class, "ReasonTooLong"),
            entry(Rejection.ReasonHasControlCharacters.class, "ReasonHasControlCharacters"),
            entry(Rejection.TableClosed.class, "TableClosed"),
            entry(Rejection.TableAlreadyClosed.class, "TableAlreadyClosed"),
            entry(Rejection.TableNotClosed.class, "TableNotClosed"),
            entry(Rejection.ChipCountOutOfRange.class, "ChipCountOutOfRange"),
            entry(Rejection.ChipBuyInNotWholeMinorUnits.class, "ChipBuyInNotWholeMinorUnits"),
            entry(Rejection.MissingChipsUnaccounted.class, "MissingChipsUnaccounted"),
            entry(Rejection.InvalidPayHandle.class, "InvalidPayHandle"),
            entry(Rejection.PaymentsNotFrozen.class, "PaymentsNotFrozen"),
            entry(Rejection.UnknownPayment.class, "UnknownPayment"),
            entry(Rejection.PaymentAlreadyMarked.class, "PaymentAlreadyMarked"),
            entry(Rejection.PaymentNotMarked.class, "PaymentNotMarked"),
            entry(Rejection.PaymentsMarkedPaid.class, "PaymentsMarkedPaid"),
            entry(BuyInSize.Count.class, "Count"),
            entry(BuyInSize.Chips.class, "Chips"),
            entry(MissingChips.CashedOutBy.class, "CashedOutBy"),
            entry(MissingChips.SharedBack.class, "SharedBack"),
            entry(Party.Bank.class, "Bank"),
            entry(Party.Player.class, "Player"),
            // Groups (issue 11).
            entry(Rejection.InvalidGroupName.class, "InvalidGroupName"),
            entry(Rejection.InvalidMemberName.class, "InvalidMemberName"),
            entry(Rejection.GroupAlreadyExists.class, "GroupAlreadyExists"),
            entry(Rejection.GroupNotFound.class, "GroupNotFound"),
            entry(Rejection.UnknownMember.class, "UnknownMember"),
            entry(Rejection.DuplicateMemberName.class, "DuplicateMemberName"),
            entry(Rejection.MergeIntoItself.class, "MergeIntoItself"),
            entry(Rejection.NotTheGroupsCurrency.class, "NotTheGroupsCurrency"),
            entry(GroupEvent.GroupCreated.class, "GroupCreated"),
            entry(GroupEvent.MemberAdded.class, "MemberAdded"),
            entry(GroupEvent.MemberRenamed.class, "MemberRenamed"),
            entry(GroupEvent.MemberMerged.class, "MemberMerged"),
            entry(GroupCommand.CreateGroup.class, "CreateGroup"),
            entry(GroupCommand.AddMembers.class, "AddMembers"),
            entry(GroupCommand.RenameMember.class, "RenameMember"),
            entry(GroupCommand.MergeMember.class, "MergeMember"));

    /**
     * The Pekko manifest of each value the journal and the snapshot store hold. The shape a manifest names may
     * evolve: {@link StoredShapes} keeps the current version of each and the upcasters that read older ones.
     */
    public static final Map<Class<?>, String> MANIFESTS = Map.of(
            StoredEvent.TableCreated.class, "table-created",
            StoredEvent.Recorded.class, "recorded",
            TableState.class, "table-state",
            StoredGroupEvent.GroupStarted.class, "group-started",
            StoredGroupEvent.GroupRecorded.class, "group-recorded",
            GroupState.class, "group-state");

    /**
     * Manifests of the rows written before this table existed, by Pekko's jackson-json serializer (identifier 31),
     * which named a row by the Java class name of the day. Frozen: those rows are read through these strings no
     * matter what the classes are called now. Every one of them is version 1 of its shape.
     */
    public static final Map<String, String> LEGACY_MANIFESTS = Map.of(
            "bullion.engine.entity.StoredEvent$TableCreated", "table-created",
            "bullion.engine.entity.StoredEvent$Recorded", "recorded",
            "bullion.engine.entity.TableState", "table-state");

    /** {@link #MANIFESTS} the other way round (no two classes share a name: building it would throw). */
    private static final Map<String, Class<?>> CLASSES =
            MANIFESTS.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    /**
     * The class a manifest name stands for, if any. Asked for every row read, so a lookup rather than a stream: a
     * stream's first runs were in a fresh server's first recovery (BENCHMARKS.md, "A fresh server's first request
     * warmed").
     */
    static Optional<Class<?>> classOf(String manifestName) {
        return Optional.ofNullable(CLASSES.get(manifestName));
    }
}

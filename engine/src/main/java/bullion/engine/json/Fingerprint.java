package bullion.engine.json;

import bullion.core.BuyInSize;
import bullion.core.Command;
import bullion.core.Paid;
import bullion.engine.Sha256;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A request's fingerprint: the first 128 bits of SHA-256 of the command's canonical JSON (its stored name and
 * fields, keys sorted), so it depends on what was asked, never on what the Java classes are called. The journal
 * keeps it beside a request id to tell a retry from a reused id.
 */
public final class Fingerprint {

    private Fingerprint() {}

    public static String of(Command command) {
        return hex(StoredJson.canonical(command, Command.class));
    }

    /**
     * Whether a fingerprint from the journal is {@code command}'s. Requests journaled before canonical fingerprints
     * carry the hash of the command's {@code toString()} of the time; a retry of one must still be recognised.
     */
    public static boolean matches(String stored, Command command) {
        return stored.equals(of(command))
                || legacy(command).filter(stored::equals).isPresent();
    }

    /** The fingerprint of the first release: a hash of {@code command.toString()} as those records printed it. */
    static Optional<String> legacy(Command command) {
        return legacyText(command).map(Fingerprint::hex);
    }

    /**
     * Record toString() of the first release, written out so that a later rename or field change cannot alter it.
     * A command added since, or one using a field added since, was never fingerprinted that way.
     */
    static Optional<String> legacyText(Command command) {
        return Optional.ofNullable(
                switch (command) {
                    case Command.OpenTable c
                    when c.defaultPaid().isEmpty() ->
                        "OpenTable[name=" + c.name() + ", currencyCode=" + c.currencyCode() + ", buyIn=" + c.buyIn()
                                + ", chipsPerBuyIn=" + c.chipsPerBuyIn() + "]";
                    case Command.AddPlayer c -> "AddPlayer[name=" + c.name() + "]";
                    case Command.BuyIn(int playerId, BuyInSize.Count(long count), Optional<Paid> paid)
                    when paid.isEmpty() -> "BuyIn[playerId=" + playerId + ", count=" + count + "]";
                    case Command.CashOut c -> "CashOut[playerId=" + c.playerId() + ", chips=" + c.chips() + "]";
                    case Command.VoidEntry c ->
                        "VoidEntry[seq=" + c.seq() + ", reason="
                                + c.reason().map(r -> "Optional[" + r + "]").orElse("Optional.empty") + "]";
                    case Command.CloseTable c when c.missingChips().isEmpty() -> "CloseTable[]";
                    case Command.ReopenTable c -> "ReopenTable[]";
                    default -> null;
                });
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(Sha256.of(text), 0, 16);
    }
}

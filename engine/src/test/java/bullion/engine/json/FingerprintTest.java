package bullion.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.BuyInSize;
import bullion.core.Command;
import bullion.core.MissingChips;
import bullion.core.Paid;
import bullion.core.PayApp;
import bullion.engine.Sha256;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints are in the journal forever: each kind and shape of command's is pinned here, canonical and legacy
 * alike (only commands of the first release's shapes have a legacy one).
 * A change to a stored name, a field name or the encoding fails this test.
 */
class FingerprintTest {

    /** Every kind and shape of command, with its canonical fingerprint. */
    static Map<Command, String> golden() {
        Map<Command, String> all = new LinkedHashMap<>();
        all.put(
                new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100),
                "e7e361a449e937a24d9d8179205a49b4");
        all.put(
                new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100, Optional.of(Paid.CASH)),
                "de1f2c566182defc6cfe7cbdfa491af9");
        all.put(new Command.AddPlayer("Ari"), "4543b91e3f0fdf65586f2107c40ea7a7");
        all.put(new Command.RenamePlayer(1, "Ari B"), "646c5e2f98a19584469e31735e967ed5");
        all.put(
                new Command.SetPayHandles(1, Map.of(PayApp.VENMO, "ari-b", PayApp.CASH_APP, "arib")),
                "039072c43b3176f478f4312a5a38d726");
        all.put(new Command.BuyIn(1, 2), "9e52d5180ad6fb3aa6632c5b23c06c85");
        all.put(
                new Command.BuyIn(1, new BuyInSize.Count(2), Optional.of(Paid.CASH)),
                "bb9fc985f8fffd266d449aa9d7fbec6c");
        all.put(
                new Command.BuyIn(1, new BuyInSize.Chips(250), Optional.of(Paid.CREDIT)),
                "61b5402276f924e66960671d6eea846b");
        all.put(new Command.CashOut(1, 150), "bc00bec74c39c4349bcf83235f62e096");
        all.put(new Command.VoidEntry(3, Optional.of("tapped twice")), "99061997b0f655a2356e13a06673f553");
        all.put(new Command.VoidEntry(3, Optional.empty()), "23077d79c9f562265da6e1460f95fe6e");
        all.put(new Command.CloseTable(), "5a452eecc1c2d5c4ceff88a8dcc6d534");
        all.put(
                new Command.CloseTable(Optional.of(new MissingChips.CashedOutBy(2))),
                "b440de0d58e1671257fd11288b16fc8a");
        all.put(new Command.CloseTable(Optional.of(new MissingChips.SharedBack())), "5579ba3dde1b0eedcec39a33ddc54c00");
        all.put(new Command.ReopenTable(), "f087c89c76b50341c196b1c6a72da8e7");
        all.put(new Command.MarkPaid(1), "056d96c89f49bec010f7de52065fd005");
        all.put(new Command.UnmarkPaid(1), "b7615a7d800ab185b87a0a1c3b495ca6");
        return all;
    }

    /** The commands of the first release's shapes, each with what that release stored: SHA-256 of toString(). */
    static Map<Command, String> firstRelease() {
        Map<Command, String> all = new LinkedHashMap<>();
        all.put(
                new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100),
                "0993edfdd8c9645e1d54f860fa0c1838");
        all.put(new Command.AddPlayer("Ari"), "f0ed62ebb4690d87db2da924948eb62b");
        all.put(new Command.BuyIn(1, 2), "d8d1988c9206dc7bb4098573850bfaff");
        all.put(new Command.CashOut(1, 150), "88b51aec854c46ec540a7f4517799723");
        all.put(new Command.VoidEntry(3, Optional.of("tapped twice")), "26be4435e4a509f0c03a3dc14d3eaa4b");
        all.put(new Command.VoidEntry(3, Optional.empty()), "439b97cc7b34e4c1ba18eea7dd93b4a2");
        all.put(new Command.CloseTable(), "1bf471386b9f057c7da1d4a4fffbfae7");
        all.put(new Command.ReopenTable(), "569a2ea20c750d8cf8889219ed630aeb");
        return all;
    }

    @Test
    void everyKindOfCommandHasItsGoldenFingerprint() {
        golden().forEach((command, fingerprint) ->
                assertThat(Fingerprint.of(command)).as(command.toString()).isEqualTo(fingerprint));
        assertThat(golden().keySet().stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrder(Command.class.getPermittedSubclasses());
    }

    @Test
    void theFingerprintIsTheHashOfCanonicalJsonThatNamesNoJavaClass() {
        Command buyIn = new Command.BuyIn(1, 2);
        String canonical = "{\"playerId\":1,\"size\":{\"count\":2,\"type\":\"Count\"},\"type\":\"BuyIn\"}";
        assertThat(StoredJson.canonical(buyIn, Command.class)).isEqualTo(canonical);
        assertThat(Fingerprint.of(buyIn)).isEqualTo(HexFormat.of().formatHex(Sha256.of(canonical), 0, 16));
        assertThat(StoredJson.canonical(
                        new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100), Command.class))
                .isEqualTo("{\"buyIn\":20.00,\"chipsPerBuyIn\":100,\"currencyCode\":\"USD\","
                        + "\"name\":\"Friday\",\"type\":\"OpenTable\"}");
    }

    @Test
    void aFingerprintOfTheFirstReleaseStillMatchesItsCommand() {
        firstRelease().forEach((command, legacy) -> {
            assertThat(Fingerprint.legacy(command)).as(command.toString()).contains(legacy);
            assertThat(Fingerprint.matches(legacy, command))
                    .as(command.toString())
                    .isTrue();
            assertThat(Fingerprint.matches(Fingerprint.of(command), command)).isTrue();
        });
        String buyInOfTwo = firstRelease().get(new Command.BuyIn(1, 2));
        assertThat(Fingerprint.matches(buyInOfTwo, new Command.BuyIn(1, 3)))
                .as("a different command")
                .isFalse();
        assertThat(Fingerprint.matches(Fingerprint.of(new Command.BuyIn(1, 2)), new Command.BuyIn(1, 3)))
                .isFalse();
    }

    @Test
    void aCommandOfAShapeTheFirstReleaseDidNotHaveHasNoLegacyFingerprint() {
        List<Command> since = golden().keySet().stream()
                .filter(c -> !firstRelease().containsKey(c))
                .toList();
        assertThat(since).hasSize(golden().size() - firstRelease().size());
        since.forEach(command ->
                assertThat(Fingerprint.legacy(command)).as(command.toString()).isEmpty());
        assertThat(Fingerprint.matches(
                        firstRelease().get(new Command.BuyIn(1, 2)),
                        new Command.BuyIn(1, new BuyInSize.Count(2), Optional.of(Paid.CASH))))
                .as("paid in cash: another request")
                .isFalse();
    }
}

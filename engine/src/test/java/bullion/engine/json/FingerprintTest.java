package bullion.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.engine.Sha256;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints are in the journal forever: each kind of command's is pinned here, canonical and legacy alike.
 * A change to a stored name, a field name or the encoding fails this test.
 */
class FingerprintTest {

  /** Every kind of command, with its canonical fingerprint. */
  static Map<Command, String> golden() {
    Map<Command, String> all = new LinkedHashMap<>();
    all.put(new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100), "e7e361a449e937a24d9d8179205a49b4");
    all.put(new Command.AddPlayer("Ari"), "4543b91e3f0fdf65586f2107c40ea7a7");
    all.put(new Command.BuyIn(1, 2), "ecc300e4d4ae19b57ef902c24909e6ec");
    all.put(new Command.CashOut(1, 150), "bc00bec74c39c4349bcf83235f62e096");
    all.put(new Command.VoidEntry(3, Optional.of("tapped twice")), "99061997b0f655a2356e13a06673f553");
    all.put(new Command.VoidEntry(3, Optional.empty()), "b1d4473d52ddd51e6684b6eeda537491");
    all.put(new Command.CloseTable(), "5a452eecc1c2d5c4ceff88a8dcc6d534");
    all.put(new Command.ReopenTable(), "f087c89c76b50341c196b1c6a72da8e7");
    return all;
  }

  /** What the first release stored: SHA-256 of command.toString(), computed with that release's code. */
  private static final List<String> LEGACY = List.of("0993edfdd8c9645e1d54f860fa0c1838", "f0ed62ebb4690d87db2da924948eb62b",
      "d8d1988c9206dc7bb4098573850bfaff", "88b51aec854c46ec540a7f4517799723", "26be4435e4a509f0c03a3dc14d3eaa4b",
      "439b97cc7b34e4c1ba18eea7dd93b4a2", "1bf471386b9f057c7da1d4a4fffbfae7", "569a2ea20c750d8cf8889219ed630aeb");

  @Test
  void everyKindOfCommandHasItsGoldenFingerprint() {
    golden().forEach((command, fingerprint) -> assertThat(Fingerprint.of(command)).as(command.toString()).isEqualTo(fingerprint));
    assertThat(golden().keySet().stream().map(Object::getClass).distinct().toList())
        .containsExactlyInAnyOrder(Command.class.getPermittedSubclasses());
  }

  @Test
  void theFingerprintIsTheHashOfCanonicalJsonThatNamesNoJavaClass() {
    Command buyIn = new Command.BuyIn(1, 2);
    String canonical = "{\"count\":2,\"playerId\":1,\"type\":\"BuyIn\"}";
    assertThat(StoredJson.canonical(buyIn, Command.class)).isEqualTo(canonical);
    assertThat(Fingerprint.of(buyIn)).isEqualTo(HexFormat.of().formatHex(Sha256.of(canonical), 0, 16));
    assertThat(StoredJson.canonical(new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100), Command.class))
        .isEqualTo("{\"buyIn\":20.00,\"chipsPerBuyIn\":100,\"currencyCode\":\"USD\",\"name\":\"Friday\",\"type\":\"OpenTable\"}");
  }

  @Test
  void aFingerprintOfTheFirstReleaseStillMatchesItsCommand() {
    List<Command> commands = List.copyOf(golden().keySet());
    for (int i = 0; i < commands.size(); i++) {
      assertThat(Fingerprint.legacy(commands.get(i))).as(commands.get(i).toString()).contains(LEGACY.get(i));
      assertThat(Fingerprint.matches(LEGACY.get(i), commands.get(i))).isTrue();
      assertThat(Fingerprint.matches(Fingerprint.of(commands.get(i)), commands.get(i))).isTrue();
    }
    assertThat(Fingerprint.matches(LEGACY.get(2), new Command.BuyIn(1, 3))).as("a different command").isFalse();
    assertThat(Fingerprint.matches(Fingerprint.of(new Command.BuyIn(1, 2)), new Command.BuyIn(1, 3))).isFalse();
  }
}

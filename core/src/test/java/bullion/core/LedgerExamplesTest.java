package bullion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Plays every worked table night in {@code ../shared/ledgers} and in this module's own {@code ledgers} and
 * checks every number its {@code expect} names. Only the fields a file names are checked.
 */
class LedgerExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> sharedLedgers() throws IOException {
    Path dir = Path.of(System.getProperty("bullion.shared.dir", "../../shared")).resolve("ledgers");
    if (!Files.isDirectory(dir)) {
      // CI always has ../shared beside the clone; a developer's fresh clone may not.
      assertThat("true".equals(System.getenv("CI"))).as("../shared/ledgers missing on CI at " + dir).isFalse();
      assumeTrue(false, "no shared ledgers at " + dir.toAbsolutePath());
    }
    return ledgers(dir);
  }

  @TestFactory
  Stream<DynamicTest> ownLedgers() throws IOException {
    return ledgers(Path.of("src/test/resources/ledgers"));
  }

  private static Stream<DynamicTest> ledgers(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).as("ledger files in " + dir).isNotEmpty();
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> play(f)));
  }

  private static void play(Path file) throws IOException {
    JsonNode night = JSON.readTree(file.toFile());
    JsonNode settings = night.get("table");
    TableDriver t = TableDriver.open(settings.get("name").asText(), settings.path("currency").asText("USD"),
        settings.get("buyIn").asText(), settings.get("chipsPerBuyIn").asLong());
    Map<String, Integer> ids = new HashMap<>();
    for (JsonNode name : night.get("players")) {
      ids.put(name.asText(), t.join(name.asText()));
    }
    for (JsonNode action : night.get("actions")) {
      t.accept(command(action, ids));
    }
    check(night.get("expect"), t.report(), ids);
  }

  private static Command command(JsonNode action, Map<String, Integer> ids) {
    if (action.has("buyIn")) {
      return new Command.BuyIn(ids.get(action.get("buyIn").asText()), action.path("count").asLong(1));
    }
    if (action.has("cashOut")) {
      return new Command.CashOut(ids.get(action.get("cashOut").asText()), action.get("chips").asLong());
    }
    if (action.has("void")) {
      return new Command.VoidEntry(action.get("void").asInt(), Optional.ofNullable(action.path("reason").textValue()));
    }
    if (action.has("close")) {
      return new Command.CloseTable();
    }
    throw new IllegalArgumentException("unknown action " + action);
  }

  private static void check(JsonNode expect, TableReport report, Map<String, Integer> ids) {
    expect.path("players").fields().forEachRemaining(player -> {
      PlayerBalance b = report.balanceOf(ids.get(player.getKey())).orElseThrow();
      Map<String, String> actual = Map.of(
          "buyIns", String.valueOf(b.buyIns()), "chipsBought", String.valueOf(b.chipsBought()),
          "chipsCashedOut", String.valueOf(b.chipsCashedOut()), "chipsOut", String.valueOf(b.chipsOut()),
          "paidIn", b.paidIn().toDecimalString(), "cashedOutValue", b.cashedOutValue().toDecimalString(),
          "net", b.net().toDecimalString());
      checkFields(player.getKey(), player.getValue(), actual);
    });
    Totals t = report.totals();
    checkFields("totals", expect.path("totals"), Map.of(
        "chipsBought", String.valueOf(t.chipsBought()), "chipsCashedOut", String.valueOf(t.chipsCashedOut()),
        "chipsOnTable", String.valueOf(t.chipsOnTable()), "moneyIn", t.moneyIn().toDecimalString(),
        "moneyOut", t.moneyOut().toDecimalString()));
    JsonNode settlement = expect.path("settlement");
    if (settlement.has("complete")) {
      assertThat(report.settlement().complete()).as("settlement complete").isEqualTo(settlement.get("complete").asBoolean());
    }
    if (settlement.has("transfers")) {
      assertThat(report.settlement().transfers()).as("transfers").hasSize(settlement.get("transfers").asInt());
    }
  }

  private static void checkFields(String who, JsonNode expected, Map<String, String> actual) {
    expected.fields().forEachRemaining(field -> {
      assertThat(actual).as(who + " has no field " + field.getKey()).containsKey(field.getKey());
      String want = field.getValue().asText();
      String got = actual.get(field.getKey());
      if (field.getValue().isTextual() && want.contains(".")) {
        assertThat(new BigDecimal(got)).as(who + "." + field.getKey()).isEqualByComparingTo(want);
        assertThat(got).as(who + "." + field.getKey() + " shown with the currency's digits").isEqualTo(want);
      } else {
        assertThat(got).as(who + "." + field.getKey()).isEqualTo(want);
      }
    });
  }
}

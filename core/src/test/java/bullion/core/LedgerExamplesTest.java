package bullion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
        Path dir = Path.of(System.getProperty("bullion.shared.dir", "../../shared"))
                .resolve("ledgers");
        if (!Files.isDirectory(dir)) {
            // CI always has ../shared beside the clone; a developer's fresh clone may not.
            assertThat("true".equals(System.getenv("CI")))
                    .as("../shared/ledgers missing on CI at " + dir)
                    .isFalse();
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
        TableDriver t = new TableDriver();
        t.accept(new Command.OpenTable(
                settings.get("name").asText(),
                settings.path("currency").asText("USD"),
                new BigDecimal(settings.get("buyIn").asText()),
                settings.get("chipsPerBuyIn").asLong(),
                paid(settings.get("defaultPaid"))));
        Map<String, Integer> ids = new HashMap<>();
        for (JsonNode name : night.get("players")) {
            ids.put(name.asText(), t.join(name.asText()));
        }
        for (JsonNode action : night.get("actions")) {
            Command command = command(action, ids);
            if (action.path("refused").asBoolean(false)) {
                Table before = t.table();
                t.reject(command);
                assertThat(t.table()).as("a refused action changes nothing").isSameAs(before);
            } else {
                t.accept(command);
            }
        }
        check(night.get("expect"), t.report(), t.table().status(), ids);
        assertThat(EventApplier.replay(t.history())).as("replaying the night").contains(t.table());
    }

    private static Optional<Paid> paid(JsonNode paid) {
        return paid == null
                ? Optional.empty()
                : Optional.of(Paid.valueOf(paid.asText().toUpperCase(Locale.ROOT)));
    }

    private static Command command(JsonNode action, Map<String, Integer> ids) {
        if (action.has("buyIn")) {
            BuyInSize size = action.has("chips")
                    ? new BuyInSize.Chips(action.get("chips").asLong())
                    : new BuyInSize.Count(action.path("count").asLong(1));
            return new Command.BuyIn(ids.get(action.get("buyIn").asText()), size, paid(action.get("paid")));
        }
        if (action.has("cashOut")) {
            return new Command.CashOut(
                    ids.get(action.get("cashOut").asText()), action.get("chips").asLong());
        }
        if (action.has("void")) {
            return new Command.VoidEntry(
                    action.get("void").asInt(),
                    Optional.ofNullable(action.path("reason").textValue()));
        }
        if (action.has("close")) {
            JsonNode missing = action.get("close").path("missingChips");
            if (missing.isMissingNode()) {
                return new Command.CloseTable();
            }
            return new Command.CloseTable(Optional.of(
                    missing.isTextual() && missing.asText().equals("share")
                            ? new MissingChips.SharedBack()
                            : new MissingChips.CashedOutBy(
                                    ids.get(missing.get("cashOutTo").asText()))));
        }
        if (action.has("reopen")) {
            return new Command.ReopenTable();
        }
        if (action.has("markPaid")) {
            return new Command.MarkPaid(action.get("markPaid").asInt());
        }
        if (action.has("unmarkPaid")) {
            return new Command.UnmarkPaid(action.get("unmarkPaid").asInt());
        }
        if (action.has("rename")) {
            return new Command.RenamePlayer(
                    ids.get(action.get("rename").asText()), action.get("to").asText());
        }
        throw new IllegalArgumentException("unknown action " + action);
    }

    private static void check(JsonNode expect, TableReport report, TableStatus status, Map<String, Integer> ids) {
        expect.path("players").fields().forEachRemaining(player -> {
            PlayerBalance b = report.balanceOf(ids.get(player.getKey())).orElseThrow();
            Map<String, String> actual = Map.of(
                    "buyIns",
                    String.valueOf(b.buyIns()),
                    "chipsBought",
                    String.valueOf(b.chipsBought()),
                    "chipsCashedOut",
                    String.valueOf(b.chipsCashedOut()),
                    "chipsOut",
                    String.valueOf(b.chipsOut()),
                    "paidIn",
                    b.paidIn().toDecimalString(),
                    "cashedOutValue",
                    b.cashedOutValue().toDecimalString(),
                    "net",
                    b.net().toDecimalString(),
                    "paidCash",
                    b.paidCash().toDecimalString(),
                    "adjustment",
                    b.adjustment().toDecimalString(),
                    "name",
                    b.player().name());
            checkFields(player.getKey(), player.getValue(), actual);
        });
        Totals t = report.totals();
        checkFields(
                "totals",
                expect.path("totals"),
                Map.of(
                        "chipsBought",
                        String.valueOf(t.chipsBought()),
                        "chipsCashedOut",
                        String.valueOf(t.chipsCashedOut()),
                        "chipsOnTable",
                        String.valueOf(t.chipsOnTable()),
                        "moneyIn",
                        t.moneyIn().toDecimalString(),
                        "moneyOut",
                        t.moneyOut().toDecimalString()));
        checkFields(
                "bank",
                expect.path("bank"),
                Map.of(
                        "cashIn",
                        report.bank().cashIn().toDecimalString(),
                        "cashHeld",
                        report.bank().cashHeld().toDecimalString()));
        if (expect.has("status")) {
            assertThat(status.name().toLowerCase(Locale.ROOT))
                    .as("status")
                    .isEqualTo(expect.get("status").asText());
        }
        JsonNode settlement = expect.path("settlement");
        if (settlement.has("complete")) {
            assertThat(report.settlement().complete())
                    .as("settlement complete")
                    .isEqualTo(settlement.get("complete").asBoolean());
        }
        if (settlement.has("transfers")) {
            assertThat(report.settlement().transfers())
                    .as("transfers")
                    .hasSize(settlement.get("transfers").asInt());
        }
        if (report.settlement().complete()) {
            Map<String, String> received = received(report, ids);
            checkFields("received", settlement.path("received"), received);
            // Every party's position is exactly what the payments give it: a player's adjusted net plus the cash they
            // handed the bank, the bank's minus the cash it took.
            for (PlayerBalance b : report.players()) {
                assertThat(received.get(b.player().name()))
                        .as(b.player().name() + " receives their position")
                        .isEqualTo(b.position().toDecimalString());
            }
            assertThat(received.get("bank"))
                    .as("the bank pays out its cash")
                    .isEqualTo(report.bank().cashIn().negate().toDecimalString());
        }
    }

    /** What each party (a player's name, or "bank") receives minus what it pays in the payments. */
    private static Map<String, String> received(TableReport report, Map<String, Integer> ids) {
        Map<Party, Long> sums = new HashMap<>();
        for (Transfer t : report.settlement().transfers()) {
            sums.merge(t.from(), -t.amount().minor(), Long::sum);
            sums.merge(t.to(), t.amount().minor(), Long::sum);
        }
        Map<String, String> received = new HashMap<>();
        Currency currency = report.totals().moneyIn().currency();
        ids.forEach((name, id) ->
                received.put(name, new Money(sums.getOrDefault(new Party.Player(id), 0L), currency).toDecimalString()));
        received.put("bank", new Money(sums.getOrDefault(Party.BANK, 0L), currency).toDecimalString());
        return received;
    }

    private static void checkFields(String who, JsonNode expected, Map<String, String> actual) {
        expected.fields().forEachRemaining(field -> {
            assertThat(actual).as(who + " has no field " + field.getKey()).containsKey(field.getKey());
            String want = field.getValue().asText();
            String got = actual.get(field.getKey());
            if (field.getValue().isTextual() && want.contains(".")) {
                assertThat(new BigDecimal(got)).as(who + "." + field.getKey()).isEqualByComparingTo(want);
                assertThat(got)
                        .as(who + "." + field.getKey() + " shown with the currency's digits")
                        .isEqualTo(want);
            } else {
                assertThat(got).as(who + "." + field.getKey()).isEqualTo(want);
            }
        });
    }
}

package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /api/tables, GET /api/tables/{id}, close and reopen, against the real server on the embedded default. */
class TablesApiTest extends ApiServer {

    @Test
    void openingATableIs201WithItsViewTheManageTokenAndThePagePaths() {
        ApiClient.Response created = api.post(
                "/api/tables",
                "{\"name\":\"Friday game\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100,\"currency\":\"USD\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        JsonNode table = created.json();
        String id = table.get("id").asText();
        String token = table.get("manageToken").asText();
        assertThat(created.header("Location")).contains("/api/tables/" + id);
        assertThat(table.get("name").asText()).isEqualTo("Friday game");
        assertThat(table.get("buyIn").asText()).isEqualTo("20.00");
        assertThat(table.get("chipsPerBuyIn").asLong()).isEqualTo(100);
        assertThat(table.get("status").asText()).isEqualTo("open");
        assertThat(table.get("viewUrl").asText()).isEqualTo("/t/" + id);
        assertThat(table.get("manageUrl").asText()).isEqualTo("/t/" + id + "/manage?token=" + token);
    }

    @Test
    void theCurrencyIsUsdWhenLeftOut() {
        ApiClient.Opened table = api.open("{\"name\":\"Home\",\"buyIn\":\"5\",\"chipsPerBuyIn\":50}");

        JsonNode view = api.get(table.path()).json();
        assertThat(view.get("currency").asText()).isEqualTo("USD");
        assertThat(view.get("buyIn").asText()).isEqualTo("5.00");
    }

    @Test
    void moneyHasTheCurrencysMinorDigits() {
        ApiClient.Opened yen =
                api.open("{\"name\":\"Tokyo\",\"buyIn\":\"2000\",\"chipsPerBuyIn\":100,\"currency\":\"JPY\"}");

        assertThat(api.get(yen.path()).json().get("buyIn").asText()).isEqualTo("2000");
    }

    @Test
    void readingATableNeedsOnlyItsIdAndShowsBalancesTotalsAndTheSettleUp() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        int bob = api.addPlayer(table, "Bob");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}");
        api.change(table, "/players/" + bob + "/buy-ins", "{\"count\":1}");
        api.change(table, "/players/" + ann + "/cash-outs", "{\"chips\":78}");
        api.change(table, "/players/" + bob + "/cash-outs", "{\"chips\":122}");

        ApiClient.Response read = api.get(table.path());

        assertThat(read.status()).isEqualTo(200);
        JsonNode view = read.json();
        assertThat(view.get("players")).extracting(p -> p.get("name").asText()).containsExactly("Ann", "Bob");
        JsonNode bobRow = view.get("players").get(1);
        assertThat(bobRow.get("paidIn").asText()).isEqualTo("20.00");
        assertThat(bobRow.get("cashedOutValue").asText()).isEqualTo("24.40");
        assertThat(bobRow.get("net").asText()).isEqualTo("4.40");
        assertThat(bobRow.get("chipsOut").asLong()).isEqualTo(-22);
        assertThat(view.get("totals").get("chipsOnTable").asLong()).isZero();
        assertThat(view.get("totals").get("moneyIn").asText()).isEqualTo("40.00");
        JsonNode settlement = view.get("settlement");
        assertThat(settlement.get("complete").asBoolean()).isTrue();
        assertThat(settlement.get("transfers")).hasSize(1);
        JsonNode transfer = settlement.get("transfers").get(0);
        assertThat(transfer.get("from").asInt()).isEqualTo(ann);
        assertThat(transfer.get("to").asInt()).isEqualTo(bob);
        assertThat(transfer.get("amount").asText()).isEqualTo("4.40");
    }

    @Test
    void theVersionGrowsWithEveryChange() {
        ApiClient.Opened table = api.open();
        long before = api.get(table.path()).json().get("version").asLong();

        api.addPlayer(table, "Cy");

        assertThat(api.get(table.path()).json().get("version").asLong()).isGreaterThan(before);
    }

    @Test
    void aReadAfterAChangeShowsTheChangeAndAnUnchangedTableReadsTheSameTwice() {
        ApiClient.Opened table = api.open();
        api.addPlayer(table, "Ann");
        String first = api.get(table.path()).body();

        assertThat(api.get(table.path()).body()).isEqualTo(first);

        api.addPlayer(table, "Bob");
        JsonNode after = api.get(table.path()).json();
        assertThat(after.get("players")).extracting(p -> p.get("name").asText()).containsExactly("Ann", "Bob");
    }

    @Test
    void namesOutsideAsciiComeBackAsTheyWereSent() {
        ApiClient.Opened table = api.open("{\"name\":\"Caf\u00e9 \u2660\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100}");
        api.addPlayer(table, "Zo\u00eb \uD83C\uDCA1");

        // Twice: the second read is the first one's rendering, sent again.
        for (int read = 0; read < 2; read++) {
            ApiClient.Response answer = api.get(table.path());
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(answer.json().get("name").asText()).isEqualTo("Caf\u00e9 \u2660");
            assertThat(answer.json().get("players").get(0).get("name").asText()).isEqualTo("Zo\u00eb \uD83C\uDCA1");
        }
    }

    @Test
    void theSettlementIsPendingWhileChipsAreOnTheTable() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}");

        JsonNode settlement = api.get(table.path()).json().get("settlement");

        assertThat(settlement.get("complete").asBoolean()).isFalse();
        assertThat(settlement.get("transfers")).isEmpty();
    }

    @Test
    void closingWithChipsOutIs409UntilItSaysWhatBecameOfThemThen200AndTheyBecomeADiscrepancy() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        int bob = api.addPlayer(table, "Bob");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}");
        api.change(table, "/players/" + bob + "/buy-ins", "{\"count\":1}");
        api.change(table, "/players/" + bob + "/cash-outs", "{\"chips\":150}");

        ApiClient.Response refused = api.change(table, "/close", "");
        ApiClient.Response closed = api.change(table, "/close", "{\"missingChips\":\"share\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("rejection").asText()).isEqualTo("MissingChipsUnaccounted");
        assertThat(refused.detail()).contains("50 chips are still out (worth 10.00");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("closed");
        JsonNode view = api.get(table.path()).json();
        assertThat(view.get("status").asText()).isEqualTo("closed");
        JsonNode settlement = view.get("settlement");
        assertThat(settlement.get("complete").asBoolean()).isTrue();
        assertThat(settlement.get("discrepancy").get("missingChips").asLong()).isEqualTo(50);
        assertThat(settlement.get("discrepancy").get("value").asText()).isEqualTo("10.00");
        assertThat(settlement.get("discrepancy").get("message").asText()).contains("50 chips");
        assertThat(settlement.get("adjustments")).hasSize(2);
    }

    @Test
    void reopeningAClosedTableIs200() {
        ApiClient.Opened table = api.open();
        api.change(table, "/close", "");

        ApiClient.Response reopened = api.change(table, "/reopen", "");

        assertThat(reopened.status()).isEqualTo(200);
        assertThat(reopened.json().get("status").asText()).isEqualTo("open");
        assertThat(api.get(table.path()).json().get("status").asText()).isEqualTo("open");
    }

    @Test
    void reopeningAnOpenTableIs409() {
        ApiClient.Opened table = api.open();

        ApiClient.Response refused = api.change(table, "/reopen", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.detail()).contains("only a closed table can be reopened");
        assertThat(refused.json().get("rejection").asText()).isEqualTo("TableNotClosed");
    }

    @Test
    void closingAClosedTableIs409() {
        ApiClient.Opened table = api.open();
        api.change(table, "/close", "");

        ApiClient.Response refused = api.change(table, "/close", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).isEqualTo("The table is already closed.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AAAAAAAAAAAAAAAAAAAAAA", "not-an-id"})
    void anUnknownTableOrAnIdThatCannotBeOneIs404(String id) {
        ApiClient.Response missing = api.get("/api/tables/" + id);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.detail()).isEqualTo("There is no table " + id + ".");
    }

    @Test
    void theOpenApiDocumentIsServed() {
        ApiClient.Response document = api.get("/api/openapi.json");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json()).isEqualTo(OpenApiContract.load());
        assertThat(document.json().get("openapi").asText()).startsWith("3.1");
    }
}

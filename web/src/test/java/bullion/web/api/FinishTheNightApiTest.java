package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 through the API: cash and credit, chip buy-ins, the bank in the settle-up, a close that says what became
 * of chips still out, payments marked paid, renames and pay handles, and the settle-up as text.
 */
class FinishTheNightApiTest extends ApiServer {

    private static ApiClient.Opened cashTable() {
        return api.open("{\"name\":\"Cash night\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100,\"defaultPaid\":\"cash\"}");
    }

    private static ApiClient.Response patch(ApiClient.Opened table, String path, String body) {
        return api.send(
                "PATCH",
                table.path() + path,
                HttpRequest.BodyPublishers.ofString(body),
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer " + table.token());
    }

    /** The issue's example: bank pays Ann $40, Cat pays Bob $10. */
    private static ApiClient.Opened annBobCat() {
        ApiClient.Opened table = cashTable();
        int ann = api.addPlayer(table, "Ann");
        int bob = api.addPlayer(table, "Bob");
        int cat = api.addPlayer(table, "Cat");
        api.change(table, "/players/" + ann + "/buy-ins", "{}");
        api.change(table, "/players/" + bob + "/buy-ins", "{\"count\":1}");
        api.change(table, "/players/" + cat + "/buy-ins", "{\"count\":1,\"paid\":\"credit\"}");
        api.change(table, "/players/" + ann + "/cash-outs", "{\"chips\":200}");
        api.change(table, "/players/" + bob + "/cash-outs", "{\"chips\":50}");
        api.change(table, "/players/" + cat + "/cash-outs", "{\"chips\":50}");
        return table;
    }

    @Test
    void aCashTableShowsItsDefaultPaidCashAndTheBankAndTheBankPaysOut() {
        ApiClient.Opened table = annBobCat();

        JsonNode view = api.get(table.path()).json();

        assertThat(view.get("defaultPaid").asText()).isEqualTo("cash");
        assertThat(view.get("bank").get("cashIn").asText()).isEqualTo("40.00");
        assertThat(view.get("players"))
                .extracting(p -> p.get("paidCash").asText())
                .containsExactly("20.00", "20.00", "0.00");
        assertThat(view.get("players"))
                .extracting(p -> p.get("net").asText())
                .containsExactly("20.00", "-10.00", "-10.00");
        assertThat(view.get("settlement").get("transfers"))
                .extracting(t -> t.get("from").asText() + ">" + t.get("to").asText() + " "
                        + t.get("amount").asText())
                .containsExactlyInAnyOrder("bank>1 40.00", "3>2 10.00");
        assertThat(api.get(api.open().path()).json().get("defaultPaid").asText())
                .isEqualTo("credit");
    }

    @Test
    void aBuyInSaysPaidChipsAndAmountAndMayBeChipsOrCredit() {
        ApiClient.Opened table = cashTable();
        int ann = api.addPlayer(table, "Ann");

        ApiClient.Response count = api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":2}");
        ApiClient.Response chips =
                api.change(table, "/players/" + ann + "/buy-ins", "{\"chips\":150,\"paid\":\"credit\"}");

        assertThat(count.status()).isEqualTo(201);
        assertThat(count.json().get("count").asLong()).isEqualTo(2);
        assertThat(count.json().get("chips").asLong()).isEqualTo(200);
        assertThat(count.json().get("paid").asText()).isEqualTo("cash");
        assertThat(count.json().get("amount").asText()).isEqualTo("40.00");
        assertThat(chips.json().has("count")).isFalse();
        assertThat(chips.json().get("chips").asLong()).isEqualTo(150);
        assertThat(chips.json().get("paid").asText()).isEqualTo("credit");
        assertThat(chips.json().get("amount").asText()).isEqualTo("30.00");
        assertThat(api.get(table.path() + "/ledger").json().get("entries"))
                .extracting(e -> e.get("amount").asText())
                .containsExactly("40.00", "30.00");
    }

    @Test
    void aBuyInThatIsNotWholeMinorUnitsOrBothCountAndChipsOrOfAnUnknownPaidIs400() {
        ApiClient.Opened table = api.open("{\"name\":\"Odd\",\"buyIn\":\"0.10\",\"chipsPerBuyIn\":3}");
        int ann = api.addPlayer(table, "Ann");

        ApiClient.Response fraction = api.change(table, "/players/" + ann + "/buy-ins", "{\"chips\":4}");
        ApiClient.Response both = api.change(table, "/players/" + ann + "/buy-ins", "{\"chips\":3,\"count\":1}");
        ApiClient.Response paid = api.change(table, "/players/" + ann + "/buy-ins", "{\"paid\":\"iou\"}");

        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.detail()).contains("nearest chip counts that do are 3 and 6");
        assertThat(both.status()).isEqualTo(400);
        assertThat(paid.status()).isEqualTo(400);
        assertThat(paid.detail()).contains("\"cash\" or \"credit\"");
    }

    @Test
    void closingWithTheMissingChipsCashedOutToAPlayerAdjustsTheNetsAsTheIssueSays() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        int bob = api.addPlayer(table, "Bob");
        int cat = api.addPlayer(table, "Cat");
        int dan = api.addPlayer(table, "Dan");
        api.change(table, "/players/" + ann + "/buy-ins", "{}");
        api.change(table, "/players/" + bob + "/buy-ins", "{\"count\":2}");
        api.change(table, "/players/" + cat + "/buy-ins", "{}");
        api.change(table, "/players/" + dan + "/buy-ins", "{}");
        api.change(table, "/players/" + ann + "/cash-outs", "{\"chips\":180}");
        api.change(table, "/players/" + bob + "/cash-outs", "{\"chips\":130}");
        api.change(table, "/players/" + cat + "/cash-outs", "{\"chips\":90}");

        ApiClient.Response refused = api.change(table, "/close", "");
        ApiClient.Response unknown = api.change(table, "/close", "{\"missingChips\":{\"cashOutTo\":9}}");
        ApiClient.Response malformed = api.change(table, "/close", "{\"missingChips\":\"lost\"}");
        ApiClient.Response closed = api.change(table, "/close", "{\"missingChips\":{\"cashOutTo\":" + dan + "}}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("100 chips are still out (worth 20.00");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(closed.status()).isEqualTo(200);
        JsonNode view = api.get(table.path()).json();
        assertThat(view.get("players"))
                .extracting(p -> p.get("net").asText())
                .containsExactly("16.00", "-14.00", "-2.00", "0.00");
        assertThat(view.get("settlement").get("adjustments"))
                .extracting(
                        a -> a.get("playerId").asInt() + " " + a.get("amount").asText())
                .containsExactly(dan + " 20.00");
    }

    @Test
    void paymentsAreMarkedAndUnmarkedOnceClosedAndTheTableIsSettledWhenAllAre() {
        ApiClient.Opened table = annBobCat();
        ApiClient.Response whileOpen = api.change(table, "/transfers/1/paid", "");
        api.change(table, "/close", "");

        ApiClient.Response first = api.change(table, "/transfers/1/paid", "");
        ApiClient.Response again = api.change(table, "/transfers/1/paid", "");
        ApiClient.Response unknown = api.change(table, "/transfers/9/paid", "");
        ApiClient.Response notANumber = api.change(table, "/transfers/one/paid", "");
        ApiClient.Response reopen = api.change(table, "/reopen", "");
        String closedStatus = api.get(table.path()).json().get("status").asText();
        api.change(table, "/transfers/2/paid", "");
        JsonNode settled = api.get(table.path()).json();
        ApiClient.Response unmarked = api.change(table, "/transfers/2/unpaid", "");
        ApiClient.Response unmarkedAgain = api.change(table, "/transfers/2/unpaid", "");

        assertThat(whileOpen.status()).isEqualTo(409);
        assertThat(whileOpen.json().get("rejection").asText()).isEqualTo("PaymentsNotFrozen");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("n").asInt()).isEqualTo(1);
        assertThat(first.json().get("paid").asBoolean()).isTrue();
        assertThat(first.json().has("paidAt")).isTrue();
        assertThat(again.status()).isEqualTo(409);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(reopen.status()).isEqualTo(409);
        assertThat(closedStatus).isEqualTo("closed");
        assertThat(settled.get("status").asText()).isEqualTo("settled");
        assertThat(settled.get("bank").get("cashHeld").asText()).isEqualTo("0.00");
        assertThat(unmarked.status()).isEqualTo(200);
        assertThat(unmarked.json().get("paid").asBoolean()).isFalse();
        assertThat(unmarkedAgain.status()).isEqualTo(409);
    }

    @Test
    void aPlayerIsRenamedAndGivenHandlesAndAPaymentToThemCarriesPayLinks() {
        ApiClient.Opened table = annBobCat();

        ApiClient.Response edited = patch(
                table,
                "/players/2",
                "{\"name\":\"Bobby\",\"payHandles\":{\"venmo\":\"@bob-lee\",\"cashApp\":\"$BobLee\"}}");
        ApiClient.Response badHandle = patch(table, "/players/2", "{\"payHandles\":{\"venmo\":\"no\"}}");
        ApiClient.Response unknownApp = patch(table, "/players/2", "{\"payHandles\":{\"zelle\":\"bob\"}}");
        ApiClient.Response empty = patch(table, "/players/2", "{}");
        ApiClient.Response taken = patch(table, "/players/2", "{\"name\":\"ann\"}");
        ApiClient.Response nobody = patch(table, "/players/9", "{\"name\":\"Zed\"}");

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("name").asText()).isEqualTo("Bobby");
        assertThat(edited.json().get("payHandles").get("venmo").asText()).isEqualTo("bob-lee");
        assertThat(edited.json().get("payHandles").get("cashApp").asText()).isEqualTo("BobLee");
        assertThat(badHandle.status()).isEqualTo(400);
        assertThat(badHandle.detail()).contains("Venmo");
        assertThat(unknownApp.status()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(nobody.status()).isEqualTo(404);
        JsonNode toBob = api.get(table.path()).json().get("settlement").get("transfers").findParents("to").stream()
                .filter(t -> t.get("to").asText().equals("2"))
                .findFirst()
                .orElseThrow();
        assertThat(toBob.get("payLinks"))
                .extracting(l -> l.get("app").asText() + " " + l.get("url").asText())
                .containsExactly(
                        "venmo https://venmo.com/bob-lee?txn=pay&amount=10.00&note=Cash%20night",
                        "cashApp https://cash.app/$BobLee/10.00");
    }

    @Test
    void theSettlementIsPlainTextForAGroupChat() {
        ApiClient.Opened table = annBobCat();
        patch(table, "/players/2", "{\"payHandles\":{\"venmo\":\"bob-lee\"}}");
        api.change(table, "/close", "");
        api.change(table, "/transfers/1/paid", "");

        ApiClient.Response text = api.get(table.path() + "/settlement.txt");

        assertThat(text.status()).isEqualTo(200);
        assertThat(text.contentType()).startsWith("text/plain");
        assertThat(text.body())
                .startsWith("Cash night: settle-up\n")
                .contains("Cat pays Bob $10.00")
                .contains("Bank pays Ann $40.00")
                .contains("   Venmo: https://venmo.com/bob-lee?txn=pay&amount=10.00&note=Cash%20night")
                .endsWith("1 of 2 paid.\n");
        assertThat(api.get(api.open().path() + "/settlement.txt").body()).contains("Everyone is square");
    }
}

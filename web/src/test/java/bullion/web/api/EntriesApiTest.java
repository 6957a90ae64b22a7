package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ledger and voiding entries. */
class EntriesApiTest extends ApiServer {

    @Test
    void theLedgerListsEveryEntryInOrderVoidedOnesIncluded() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":2}");
        api.change(table, "/players/" + ann + "/cash-outs", "{\"chips\":50}");
        api.change(table, "/entries/2/void", "{\"reason\":\"miscounted\"}");

        ApiClient.Response ledger = api.get(table.path() + "/ledger");

        assertThat(ledger.status()).isEqualTo(200);
        JsonNode entries = ledger.json().get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("kind").asText()).isEqualTo("buy-in");
        assertThat(entries.get(0).get("count").asLong()).isEqualTo(2);
        assertThat(entries.get(0).get("voided").asBoolean()).isFalse();
        assertThat(entries.get(1).get("kind").asText()).isEqualTo("cash-out");
        assertThat(entries.get(1).get("chips").asLong()).isEqualTo(50);
        assertThat(entries.get(1).get("voided").asBoolean()).isTrue();
        assertThat(entries.get(1).get("reason").asText()).isEqualTo("miscounted");
    }

    @Test
    void theLedgerOfAnUnknownTableIs404() {
        assertThat(api.get("/api/tables/CCCCCCCCCCCCCCCCCCCCCC/ledger").status())
                .isEqualTo(404);
    }

    @Test
    void voidingIs200WithTheVoidedEntryAndItStopsCounting() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}");

        ApiClient.Response voided = api.change(table, "/entries/1/void", "{\"reason\":\"wrong player\"}");

        assertThat(voided.status()).isEqualTo(200);
        assertThat(voided.json().get("seq").asInt()).isEqualTo(1);
        assertThat(voided.json().get("voided").asBoolean()).isTrue();
        assertThat(voided.json().get("reason").asText()).isEqualTo("wrong player");
        assertThat(api.get(table.path()).json().get("totals").get("chipsBought").asLong())
                .isZero();
    }

    @Test
    void voidingWithoutAReasonOrBodyIs200() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}");

        ApiClient.Response voided = api.change(table, "/entries/1/void", "");

        assertThat(voided.status()).isEqualTo(200);
        assertThat(voided.json().get("reason").asText()).isEmpty();
    }

    @Test
    void voidingAnEntryAlreadyVoidedIs409() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}");
        api.change(table, "/entries/1/void", "{}");

        ApiClient.Response refused = api.change(table, "/entries/1/void", "{}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).isEqualTo("Entry 1 is already voided.");
    }

    @Test
    void voidingABuyInWhoseChipsWereCashedOutIs409() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}");
        api.change(table, "/players/" + ann + "/cash-outs", "{\"chips\":60}");

        ApiClient.Response refused = api.change(table, "/entries/1/void", "{}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("rejection").asText()).isEqualTo("VoidWouldLeaveTooFewChips");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      /entries/9/void     | {}            | 404 | There is no ledger entry 9 at this table.
      /entries/first/void | {}            | 400 | An entry's seq is a whole number, not "first".
      /entries/1/void     | {"reason":42} | 400 | "reason" must be a string, not a number.
      """)
    void aVoidOfAnUnknownOrMalformedEntryIsRefused(String path, String body, int status, String detail) {
        ApiClient.Opened table = api.open();

        ApiClient.Response refused = api.change(table, path, body);

        assertThat(refused.status()).isEqualTo(status);
        assertThat(refused.detail()).isEqualTo(detail);
    }

    @Test
    void aReasonTooLongIs400FromTheCore() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}");

        ApiClient.Response refused = api.change(table, "/entries/1/void", "{\"reason\":\"" + "x".repeat(201) + "\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("rejection").asText()).isEqualTo("ReasonTooLong");
    }
}

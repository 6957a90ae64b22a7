package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seating players, buy-ins and cash-outs: each route's success and each way the core or the parser refuses. */
class PlayersApiTest extends ApiServer {

    @Test
    void addingAPlayerIs201WithTheirIdAndName() {
        ApiClient.Opened table = api.open();

        ApiClient.Response added = api.change(table, "/players", "{\"name\":\"  Dana \"}");

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("id").asInt()).isEqualTo(1);
        assertThat(added.json().get("name").asText()).isEqualTo("Dana");
    }

    @Test
    void aDuplicateNameIs409() {
        ApiClient.Opened table = api.open();
        api.addPlayer(table, "Dana");

        ApiClient.Response refused = api.change(table, "/players", "{\"name\":\"dana\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).isEqualTo("A player named dana is already at this table.");
        assertThat(refused.json().get("rejection").asText()).isEqualTo("DuplicatePlayerName");
    }

    @Test
    void aBlankNameIs400FromTheCore() {
        ApiClient.Opened table = api.open();

        ApiClient.Response refused = api.change(table, "/players", "{\"name\":\"   \"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("rejection").asText()).isEqualTo("InvalidPlayerName");
    }

    @Test
    void aBuyInIs201WithTheNewLedgerEntry() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}");

        ApiClient.Response bought = api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":2}");

        assertThat(bought.status()).isEqualTo(201);
        JsonNode entry = bought.json();
        assertThat(entry.get("seq").asInt()).isEqualTo(2);
        assertThat(entry.get("kind").asText()).isEqualTo("buy-in");
        assertThat(entry.get("playerId").asInt()).isEqualTo(ann);
        assertThat(entry.get("count").asLong()).isEqualTo(2);
        assertThat(entry.get("voided").asBoolean()).isFalse();
        assertThat(api.get(table.path())
                        .json()
                        .get("players")
                        .get(0)
                        .get("chipsBought")
                        .asLong())
                .isEqualTo(300);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
      {"count":0}                    | A buy-in is for 1 to 1000 buy-ins at once, not 0.
      {"count":"1"}                  | "count" must be a whole number, not a string.
      {"count":1.5}                  | "count" must be a whole number from -9223372036854775808 to 9223372036854775807, not 1.5.
      {"count":99999999999999999999} | "count" must be a whole number from -9223372036854775808 to 9223372036854775807, not 99999999999999999999.
      """)
    void aBuyInCountThatIsNotAWholeNumberTheCoreAllowsIs400(String body, String detail) {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");

        ApiClient.Response refused = api.change(table, "/players/" + ann + "/buy-ins", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).isEqualTo(detail);
    }

    @Test
    void aBuyInWithoutACountIsOneBuyIn() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");

        ApiClient.Response bought = api.change(table, "/players/" + ann + "/buy-ins", "{}");

        assertThat(bought.status()).isEqualTo(201);
        assertThat(bought.json().get("count").asLong()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      7   | 404 | There is no player 7 at this table.
      ann | 400 | A player id is a whole number, not "ann".
      """)
    void aBuyInForAnUnknownOrMalformedPlayerIsRefused(String player, int status, String detail) {
        ApiClient.Opened table = api.open();

        ApiClient.Response refused = api.change(table, "/players/" + player + "/buy-ins", "{\"count\":1}");

        assertThat(refused.status()).isEqualTo(status);
        assertThat(refused.detail()).isEqualTo(detail);
    }

    @Test
    void aCashOutIs201WithTheNewLedgerEntry() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}");

        ApiClient.Response cashed = api.change(table, "/players/" + ann + "/cash-outs", "{\"chips\":22}");

        assertThat(cashed.status()).isEqualTo(201);
        JsonNode entry = cashed.json();
        assertThat(entry.get("seq").asInt()).isEqualTo(2);
        assertThat(entry.get("kind").asText()).isEqualTo("cash-out");
        assertThat(entry.get("chips").asLong()).isEqualTo(22);
        assertThat(entry.has("count")).isFalse();
        assertThat(api.get(table.path())
                        .json()
                        .get("totals")
                        .get("chipsOnTable")
                        .asLong())
                .isEqualTo(78);
    }

    @Test
    void cashingOutMoreChipsThanAreOnTheTableIs409() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}");

        ApiClient.Response refused = api.change(table, "/players/" + ann + "/cash-outs", "{\"chips\":101}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).isEqualTo("Only 100 chips are still on the table; cannot cash out 101.");
        assertThat(api.get(table.path())
                        .json()
                        .get("totals")
                        .get("chipsCashedOut")
                        .asLong())
                .isZero();
    }

    @Test
    void aNegativeCashOutIs400FromTheCore() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");

        ApiClient.Response refused = api.change(table, "/players/" + ann + "/cash-outs", "{\"chips\":-5}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("rejection").asText()).isEqualTo("NegativeCashOut");
    }

    @Test
    void changesToAClosedTableAre409() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        api.change(table, "/close", "");

        ApiClient.Response refused = api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).isEqualTo("The table is closed; reopen it to change anything.");
    }

    @Test
    void addingAPlayerToAnUnknownTableIs404() {
        ApiClient.Opened table = api.open();
        ApiClient.Opened missing = new ApiClient.Opened("BBBBBBBBBBBBBBBBBBBBBB", table.token());

        ApiClient.Response refused = api.change(missing, "/players", "{\"name\":\"Ann\"}");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.detail()).isEqualTo("There is no table BBBBBBBBBBBBBBBBBBBBBB.");
    }
}

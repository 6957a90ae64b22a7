package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on POST: a retry gets the first response and changes nothing more; another body is 422. */
class IdempotencyApiTest extends ApiServer {

    private static final String TABLE = "{\"name\":\"Friday\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100}";

    @Test
    void aRepeatedBuyInReturnsTheFirstEntryAndRecordsNothingMore() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        String key = UUID.randomUUID().toString();

        ApiClient.Response first =
                api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}", "Idempotency-Key", key);
        ApiClient.Response again =
                api.change(table, "/players/" + ann + "/buy-ins", "{ \"count\" : 1 }", "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(api.get(table.path() + "/ledger").json().get("entries")).hasSize(1);
    }

    @Test
    void aRepeatedCashOutReturnsTheFirstEntryEvenAfterItWasVoided() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}");
        String key = UUID.randomUUID().toString();
        ApiClient.Response first =
                api.change(table, "/players/" + ann + "/cash-outs", "{\"chips\":40}", "Idempotency-Key", key);
        api.change(table, "/entries/2/void", "{}");

        ApiClient.Response again =
                api.change(table, "/players/" + ann + "/cash-outs", "{\"chips\":40}", "Idempotency-Key", key);

        assertThat(again.json()).isEqualTo(first.json());
        assertThat(api.get(table.path())
                        .json()
                        .get("totals")
                        .get("chipsCashedOut")
                        .asLong())
                .isZero();
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        String key = UUID.randomUUID().toString();
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}", "Idempotency-Key", key);

        ApiClient.Response refused =
                api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":2}", "Idempotency-Key", key);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.detail()).contains(key).contains("different request");
        assertThat(api.get(table.path() + "/ledger").json().get("entries")).hasSize(1);
    }

    @Test
    void aRepeatedPlayerReturnsTheFirstPlayerNotADuplicateNameConflict() {
        ApiClient.Opened table = api.open();
        String key = UUID.randomUUID().toString();

        ApiClient.Response first = api.change(table, "/players", "{\"name\":\"Ann\"}", "Idempotency-Key", key);
        ApiClient.Response again = api.change(table, "/players", "{\"name\":\"Ann\"}", "Idempotency-Key", key);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
    }

    @Test
    void aRepeatedCloseReturnsTheFirstAnswer() {
        ApiClient.Opened table = api.open();
        String key = UUID.randomUUID().toString();

        ApiClient.Response first = api.change(table, "/close", "", "Idempotency-Key", key);
        ApiClient.Response again = api.change(table, "/close", "", "Idempotency-Key", key);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
    }

    @Test
    void aRepeatedTableCreationReturnsTheSameTableAndToken() {
        String key = UUID.randomUUID().toString();

        ApiClient.Response first = api.post("/api/tables", TABLE, "Idempotency-Key", key);
        ApiClient.Response again = api.post("/api/tables", TABLE, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
    }

    @Test
    void withoutAKeyTwoCreationsAreTwoTables() {
        ApiClient.Response first = api.post("/api/tables", TABLE);
        ApiClient.Response second = api.post("/api/tables", TABLE);

        assertThat(second.json().get("id")).isNotEqualTo(first.json().get("id"));
    }

    @Test
    void anotherClientReusingATableCreationKeyGetsItsOwnTableNotTheFirstToken() throws Exception {
        String key = "table-1";
        ApiClient other = new ApiClient(server.baseUrl(), InetAddress.getByName("127.0.0.2"));

        ApiClient.Response mine = api.post("/api/tables", TABLE, "Idempotency-Key", key);
        ApiClient.Response theirs = other.post("/api/tables", TABLE, "Idempotency-Key", key);
        ApiClient.Response theirRetry = other.post("/api/tables", TABLE, "Idempotency-Key", key);

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().get("manageToken")).isNotEqualTo(mine.json().get("manageToken"));
        assertThat(theirs.json().get("id")).isNotEqualTo(mine.json().get("id"));
        assertThat(theirRetry.json()).isEqualTo(theirs.json());
    }

    @Test
    void aTableCreationKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        api.post("/api/tables", TABLE, "Idempotency-Key", key);

        ApiClient.Response refused =
                api.post("/api/tables", TABLE.replace("Friday", "Saturday"), "Idempotency-Key", key);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.detail()).contains("already used to create a different table");
    }

    @Test
    void aTableCreationTheCoreRefusedMayBeRetriedWithTheSameKey() {
        String key = UUID.randomUUID().toString();
        ApiClient.Response refused = api.post("/api/tables", TABLE.replace("20.00", "0"), "Idempotency-Key", key);

        ApiClient.Response corrected = api.post("/api/tables", TABLE, "Idempotency-Key", key);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(corrected.status()).isEqualTo(201);
    }

    @Test
    void aKeyWithSpacesIs400() {
        ApiClient.Response refused = api.post("/api/tables", TABLE, "Idempotency-Key", "not a key");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).contains("Idempotency-Key");
    }
}

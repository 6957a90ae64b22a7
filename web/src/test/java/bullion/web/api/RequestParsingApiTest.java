package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the web layer itself refuses before any command exists: bodies that are not the JSON a route reads. */
class RequestParsingApiTest extends ApiServer {

    private static final String TABLE = "{\"name\":\"Friday\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100}";

    @Test
    void malformedJsonIs400() {
        ApiClient.Response refused = api.post("/api/tables", "{\"name\":\"Friday\",");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.detail()).startsWith("The request body is not valid JSON: ");
    }

    @Test
    void aRepeatedKeyIsMalformedJson() {
        ApiClient.Response refused =
                api.post("/api/tables", "{\"name\":\"A\",\"name\":\"B\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).contains("Duplicate field 'name'");
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() {
        ApiClient.Response refused = api.post("/api/tables", "[1,2]");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).isEqualTo("The request body must be a JSON object, not an array.");
    }

    @Test
    void aMissingNameIs400() {
        ApiClient.Response refused = api.post("/api/tables", "{\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).isEqualTo("\"name\" is required: a string.");
    }

    @Test
    void chipsPerBuyInAsAStringIs400() {
        ApiClient.Response refused =
                api.post("/api/tables", "{\"name\":\"F\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":\"100\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).isEqualTo("\"chipsPerBuyIn\" must be a whole number, not a string.");
    }

    @Test
    void aBuyInThatIsNotADecimalStringIs400() {
        ApiClient.Response refused =
                api.post("/api/tables", "{\"name\":\"F\",\"buyIn\":\"twenty\",\"chipsPerBuyIn\":100}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail())
                .startsWith("\"buyIn\" must be a decimal string such as \"20.00\"")
                .endsWith(", not \"twenty\".");
    }

    @Test
    void aBuyInWithSixtyThousandDigitsIsRefusedQuicklyAndNotRepeatedInFull() {
        String huge = "1" + "0".repeat(60_000);

        ApiClient.Response refused =
                api.post("/api/tables", "{\"name\":\"F\",\"buyIn\":\"" + huge + "\",\"chipsPerBuyIn\":100}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail())
                .contains("\"buyIn\" must be a decimal string")
                .hasSizeLessThan(200);
    }

    @Test
    void aLowerCaseCurrencyIsReadAsTheUpperCaseCode() {
        ApiClient.Response opened = api.post(
                "/api/tables", "{\"name\":\"F\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100,\"currency\":\" eur \"}");

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().get("currency").asText()).isEqualTo("EUR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e-99999999", "1.5", "12345678901234567890123"})
    void aNumberThatIsNotAWholeNumberWithinALongIs400NamingTheField(String number) {
        ApiClient.Response refused =
                api.post("/api/tables", "{\"name\":\"F\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":" + number + "}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.detail())
                .startsWith("\"chipsPerBuyIn\" must be a whole number from ")
                .hasSizeLessThan(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e-99999999", "1.5", "12345678901234567890123"})
    void aBuyInCountOrCashOutThatIsNotAWholeNumberWithinALongIs400NamingTheField(String number) {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");

        ApiClient.Response count = api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":" + number + "}");
        ApiClient.Response chips = api.change(table, "/players/" + ann + "/cash-outs", "{\"chips\":" + number + "}");

        assertThat(count.status()).isEqualTo(400);
        assertThat(count.detail()).startsWith("\"count\" must be a whole number");
        assertThat(chips.status()).isEqualTo(400);
        assertThat(chips.detail()).startsWith("\"chips\" must be a whole number");
    }

    @Test
    void aBuyInGivenAsAJsonNumberIs400() {
        ApiClient.Response refused = api.post("/api/tables", "{\"name\":\"F\",\"buyIn\":20.00,\"chipsPerBuyIn\":100}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).isEqualTo("\"buyIn\" must be a string, not a number.");
    }

    @Test
    void aBuyInWithMoreDigitsThanTheCurrencyHasIs400FromTheCore() {
        ApiClient.Response refused =
                api.post("/api/tables", "{\"name\":\"F\",\"buyIn\":\"20.005\",\"chipsPerBuyIn\":100}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("rejection").asText()).isEqualTo("BuyInTooPrecise");
    }

    @Test
    void aZeroBuyInIs400FromTheCore() {
        ApiClient.Response refused = api.post("/api/tables", "{\"name\":\"F\",\"buyIn\":\"0\",\"chipsPerBuyIn\":100}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).isEqualTo("The buy-in price must be more than zero, not 0.");
    }

    @Test
    void anUnknownCurrencyIs400FromTheCore() {
        ApiClient.Response refused = api.post(
                "/api/tables", "{\"name\":\"F\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100,\"currency\":\"XYZ\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("rejection").asText()).isEqualTo("UnknownCurrency");
    }

    @Test
    void tooManyChipsPerBuyInIs400FromTheCore() {
        ApiClient.Response refused =
                api.post("/api/tables", "{\"name\":\"F\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":0}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("rejection").asText()).isEqualTo("ChipsPerBuyInOutOfRange");
    }

    @Test
    void aBodyOverTheSizeLimitIs413AsAProblem() {
        String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100}";

        ApiClient.Response refused = api.post("/api/tables", big);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aWellFormedTableStillOpens() {
        assertThat(api.post("/api/tables", TABLE).status()).isEqualTo(201);
    }
}

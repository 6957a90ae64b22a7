package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract check is itself tested: a check that could not fail would let the document drift silently. */
class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.DOCUMENT;
    private static final Optional<String> JSON = Optional.of("application/json");
    private static final Optional<String> PROBLEM = Optional.of("application/problem+json");
    private static final String PLAYER = "{\"id\":1,\"name\":\"Ann\"}";

    @Test
    void aDocumentedResponseThatMatchesItsSchemaPasses() {
        assertThatCode(() -> CONTRACT.check(
                        "POST", "/api/tables/AAAAAAAAAAAAAAAAAAAAAA/players", 201, JSON, Map.of(), PLAYER))
                .doesNotThrowAnyException();
    }

    @Test
    void aStatusTheDocumentDoesNotListFails() {
        assertThatThrownBy(() -> CONTRACT.check(
                        "POST", "/api/tables/AAAAAAAAAAAAAAAAAAAAAA/players", 418, JSON, Map.of(), PLAYER))
                .hasMessageContaining("does not list");
    }

    @Test
    void aPathTheDocumentDoesNotHaveFails() {
        assertThatThrownBy(() -> CONTRACT.check("GET", "/api/players", 200, JSON, Map.of(), "{}"))
                .hasMessageContaining("not a path");
    }

    @Test
    void aMethodTheDocumentDoesNotHaveFails() {
        assertThatThrownBy(
                        () -> CONTRACT.check("DELETE", "/api/tables/AAAAAAAAAAAAAAAAAAAAAA", 200, JSON, Map.of(), "{}"))
                .hasMessageContaining("not an operation");
    }

    @Test
    void aBodyMissingARequiredFieldFails() {
        assertThatThrownBy(() -> CONTRACT.check(
                        "POST", "/api/tables/AAAAAAAAAAAAAAAAAAAAAA/players", 201, JSON, Map.of(), "{\"id\":1}"))
                .hasMessageContaining("does not match");
    }

    @Test
    void anUndocumentedFieldFails() {
        assertThatThrownBy(() -> CONTRACT.check(
                        "POST",
                        "/api/tables/AAAAAAAAAAAAAAAAAAAAAA/players",
                        201,
                        JSON,
                        Map.of(),
                        "{\"id\":1,\"name\":\"Ann\",\"secret\":true}"))
                .hasMessageContaining("does not match");
    }

    @Test
    void moneyAsANumberFails() {
        String table =
                "{\"id\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"name\":\"Friday\",\"currency\":\"USD\",\"buyIn\":\"20.00\","
                        + "\"chipsPerBuyIn\":100,\"defaultPaid\":\"credit\",\"status\":\"open\",\"players\":[],\"totals\":{\"chipsBought\":0,"
                        + "\"chipsCashedOut\":0,\"chipsOnTable\":0,\"moneyIn\":\"0.00\",\"moneyOut\":\"0.00\"},"
                        + "\"bank\":{\"cashIn\":\"0.00\",\"cashHeld\":\"0.00\"},\"settlement\":{\"complete\":true,"
                        + "\"transfers\":[{\"n\":1,\"from\":1,\"to\":\"bank\",\"amount\":\"4.40\",\"paid\":false,\"payLinks\":[]}]},\"version\":3}";
        assertThatCode(() -> CONTRACT.check("GET", "/api/tables/AAAAAAAAAAAAAAAAAAAAAA", 200, JSON, Map.of(), table))
                .doesNotThrowAnyException();
        String numeric = table.replace("\"amount\":\"4.40\"", "\"amount\":4.40");
        assertThatThrownBy(
                        () -> CONTRACT.check("GET", "/api/tables/AAAAAAAAAAAAAAAAAAAAAA", 200, JSON, Map.of(), numeric))
                .hasMessageContaining("does not match");
    }

    @Test
    void aTimestampThatIsNotADateTimeFails() {
        String entry =
                "{\"seq\":1,\"at\":\"yesterday\",\"kind\":\"buy-in\",\"playerId\":1,\"count\":1,\"voided\":false}";
        assertThatThrownBy(() -> CONTRACT.check(
                        "POST", "/api/tables/AAAAAAAAAAAAAAAAAAAAAA/players/1/buy-ins", 201, JSON, Map.of(), entry))
                .hasMessageContaining("does not match");
    }

    @Test
    void aProblemSentAsPlainJsonFails() {
        assertThatThrownBy(() -> CONTRACT.check(
                        "GET",
                        "/api/tables/x",
                        404,
                        JSON,
                        Map.of(),
                        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No.\"}"))
                .hasMessageContaining("only has");
    }

    @Test
    void aDocumentedHeaderThatIsMissingFails() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Token.\"}";
        assertThatCode(() -> CONTRACT.check(
                        "POST",
                        "/api/tables/x/close",
                        401,
                        PROBLEM,
                        Map.of("WWW-Authenticate", List.of("Bearer")),
                        problem))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> CONTRACT.check("POST", "/api/tables/x/close", 401, PROBLEM, Map.of(), problem))
                .hasMessageContaining("WWW-Authenticate");
    }
}

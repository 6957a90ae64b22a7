package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading needs only the id; every change needs the table's manage token as a bearer token. */
class AuthorizationApiTest extends ApiServer {

    /** Every change route, with a body it would accept. */
    static Stream<String[]> changes() {
        return Stream.of(
                new String[] {"/players", "{\"name\":\"Eve\"}"},
                new String[] {"/players/1/buy-ins", "{\"count\":1}"},
                new String[] {"/players/1/cash-outs", "{\"chips\":1}"},
                new String[] {"/entries/1/void", "{}"},
                new String[] {"/close", ""},
                new String[] {"/reopen", ""});
    }

    @ParameterizedTest
    @MethodSource("changes")
    void aChangeWithoutATokenIs401WithABearerChallenge(String path, String body) {
        ApiClient.Opened table = api.open();

        ApiClient.Response refused = api.post(table.path() + path, body);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(refused.detail()).contains("Authorization: Bearer");
    }

    @ParameterizedTest
    @MethodSource("changes")
    void aChangeWithAnotherTablesTokenIs403(String path, String body) {
        ApiClient.Opened table = api.open();
        ApiClient.Opened other = api.open();

        ApiClient.Response refused = api.post(table.path() + path, body, "Authorization", "Bearer " + other.token());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.detail()).isEqualTo("The manage token does not match this table.");
    }

    @Test
    void aWrongTokenChangesNothing() {
        ApiClient.Opened table = api.open();
        long version = api.get(table.path()).json().get("version").asLong();

        api.post(table.path() + "/players", "{\"name\":\"Mallory\"}", "Authorization", "Bearer wrong-token");

        assertThat(api.get(table.path()).json().get("version").asLong()).isEqualTo(version);
        assertThat(api.get(table.path()).json().get("players")).isEmpty();
    }

    @Test
    void anAuthorizationHeaderThatIsNotBearerIs401() {
        ApiClient.Opened table = api.open();

        ApiClient.Response refused = api.post(table.path() + "/close", "", "Authorization", "Basic dXNlcjpwYXNz");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.detail()).isEqualTo("The Authorization header must be \"Bearer <manageToken>\".");
    }

    @Test
    void theTokenIsCheckedBeforeTheBodyIsRead() {
        ApiClient.Opened table = api.open();

        ApiClient.Response refused = api.post(table.path() + "/players", "{not json");

        assertThat(refused.status()).isEqualTo(401);
    }

    @Test
    void readingNeedsNoToken() {
        ApiClient.Opened table = api.open();

        assertThat(api.get(table.path()).status()).isEqualTo(200);
        assertThat(api.get(table.path() + "/ledger").status()).isEqualTo(200);
    }

    @Test
    void aCrossSiteBrowserChangeIs403AsAProblem() {
        ApiClient.Opened table = api.open();

        ApiClient.Response refused = api.change(table, "/close", "", "Origin", "https://evil.example");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.detail()).isEqualTo("Cross-site requests may not change a table.");
        assertThat(api.get(table.path()).json().get("status").asText()).isEqualTo("open");
    }
}

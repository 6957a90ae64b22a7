package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A table's backup over the API and from the manage page: only its manager may export it; the file imports as a new
 * table with a new token that shows the same night; a changed, foreign, newer or oversized file is refused with its
 * reason and opens nothing.
 */
class ExportImportApiTest extends ApiServer {

    @Test
    void anExportImportsAsANewTableShowingTheSameNight() {
        ApiClient.Opened source = night();
        ApiClient.Response export = api.get(source.path() + "/export", "Authorization", "Bearer " + source.token());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition"))
                .hasValue("attachment; filename=\"bullion-" + source.id() + ".json\"");
        assertThat(export.header("Cache-Control")).hasValue("no-store");
        assertThat(export.json().get("format").asText()).isEqualTo("bullion-table-export");
        assertThat(export.body()).doesNotContain(source.token());

        ApiClient.Response imported = api.post("/api/tables/import", export.body());
        assertThat(imported.status()).isEqualTo(201);
        String id = imported.json().get("id").asText();
        String token = imported.json().get("manageToken").asText();
        assertThat(id).isNotEqualTo(source.id());
        assertThat(token).isNotEqualTo(source.token());
        assertThat(imported.header("Location")).hasValue("/api/tables/" + id);

        JsonNode before = withoutId(api.get(source.path()).json());
        JsonNode after = withoutId(api.get("/api/tables/" + id).json());
        assertThat(after).isEqualTo(before);
        ApiClient.Opened copy = new ApiClient.Opened(id, token);
        assertThat(api.change(copy, "/reopen", "{}").status())
                .as("the new token manages the copy")
                .isEqualTo(200);
        assertThat(api.change(new ApiClient.Opened(id, source.token()), "/close", "{}")
                        .status())
                .as("the old token does not")
                .isEqualTo(403);
    }

    @Test
    void onlyTheManagerMayExport() {
        ApiClient.Opened table = night();
        assertThat(api.get(table.path() + "/export").status()).isEqualTo(401);
        assertThat(api.get(table.path() + "/export", "Authorization", "Bearer not-the-token")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/tables/AAAAAAAAAAAAAAAAAAAAAA/export", "Authorization", "Bearer " + table.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theManagePageOffersTheDownload() throws Exception {
        ApiClient.Opened table = night();
        String page =
                page("/t/" + table.id() + "/manage?token=" + table.token()).body();
        assertThat(page).contains("id=\"export\"").contains("/t/" + table.id() + "/export?token=" + table.token());
        assertThat(page("/t/" + table.id()).body()).doesNotContain("id=\"export\"");
        HttpResponse<String> download = page("/t/" + table.id() + "/export?token=" + table.token());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).contains("\"sourceTableId\" : \"" + table.id() + "\"");
        assertThat(page("/t/" + table.id() + "/export?token=wrong").statusCode())
                .isEqualTo(403);
    }

    /** Pages are not in the API's contract, so they are fetched without its checks. */
    private static HttpResponse<String> page(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aBadFileIsRefusedWithItsReasonAndOpensNothing() {
        ApiClient.Opened table = night();
        String file = api.get(table.path() + "/export", "Authorization", "Bearer " + table.token())
                .body();

        refused(file.replaceFirst("Ann", "Anna"), 400, "ExportDigestMismatch", "changed or damaged");
        refused(file.replace("\"version\" : 1", "\"version\" : 7"), 400, "UnknownExportVersion", "format version 7");
        refused("{\"name\":\"Friday\"}", 400, "NotAnExport", "not a Bullion table export");
        refused("not json at all", 400, "NotAnExport", "not valid JSON");
        ApiClient.Response wrongType = api.send(
                "POST", "/api/tables/import", HttpRequest.BodyPublishers.ofString(file), "Content-Type", "text/plain");
        assertThat(wrongType.status()).isEqualTo(415);
        ApiClient.Response tooLarge = api.sendAskingFirst(
                "POST",
                "/api/tables/import",
                HttpRequest.BodyPublishers.ofByteArray(new byte[16 * 1024 * 1024 + 1]),
                "Content-Type",
                "application/json");
        assertThat(tooLarge.status()).isEqualTo(413);
    }

    private static void refused(String file, int status, String rejection, String saying) {
        ApiClient.Response answer = api.post("/api/tables/import", file);
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("rejection").asText()).isEqualTo(rejection);
        assertThat(answer.detail()).contains(saying);
        assertThat(answer.header("Location")).isEmpty();
    }

    /** Ann and Bo buy in and cash out; the table closes. */
    private static ApiClient.Opened night() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        int bo = api.addPlayer(table, "Bo");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":2,\"paid\":\"cash\"}");
        api.change(table, "/players/" + bo + "/buy-ins", "{\"count\":1}");
        api.change(table, "/players/" + ann + "/cash-outs", "{\"chips\":250}");
        api.change(table, "/players/" + bo + "/cash-outs", "{\"chips\":50}");
        assertThat(api.change(table, "/close", "{}").status()).isEqualTo(200);
        return table;
    }

    private static JsonNode withoutId(JsonNode table) {
        ObjectNode copy = table.deepCopy();
        copy.remove("id");
        copy.remove("viewUrl");
        return copy;
    }
}

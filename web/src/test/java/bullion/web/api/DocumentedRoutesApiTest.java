package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation in the document is served: each is called on a real table, as its manager, and must answer
 * as documented, and not with the router's own "Endpoint ... not found" (which under /api is also a problem).
 * The events route is asked without accepting a stream (406), so the call ends.
 */
class DocumentedRoutesApiTest extends ApiServer {

    @Test
    void everyDocumentedOperationIsARouteThatAnswersAsDocumented() {
        ApiClient.Opened table = api.open();
        int ann = api.addPlayer(table, "Ann");
        api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":1}");
        JsonNode paths = OpenApiContract.DOCUMENT.document().path("paths");
        List<String> called = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> routes = paths.fields(); routes.hasNext(); ) {
            Map.Entry<String, JsonNode> route = routes.next();
            String path = route.getKey()
                    .replace("{id}", table.id())
                    .replace("{playerId}", "1")
                    .replace("{seq}", "1")
                    .replace("{n}", "1")
                    .replace("{memberId}", "1");
            for (Iterator<String> methods = route.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                ApiClient.Response response = method.equals("GET")
                        ? api.get(path, "Accept", "application/json")
                        : api.send(
                                method,
                                path,
                                java.net.http.HttpRequest.BodyPublishers.ofString("{}"),
                                "Content-Type",
                                "application/json",
                                "Authorization",
                                "Bearer " + table.token());
                assertThat(response.status()).as("%s %s", method, path).isNotIn(405, 500);
                if (response.status() == 404) {
                    assertThat(response.detail()).as("%s %s", method, path).doesNotStartWith("Endpoint");
                }
                called.add(method + " " + route.getKey());
            }
        }
        assertThat(called).hasSize(22);
    }
}

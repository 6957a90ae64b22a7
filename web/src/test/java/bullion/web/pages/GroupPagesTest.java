package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The group pages without a browser: starting a group redirects to its manage page, the view-only page has no forms
 * and no token, a wrong token is 403, a member renamed by the form shows under the new name, and a refused group is
 * the error page with the core's sentence.
 */
class GroupPagesTest extends PageServer {

    private static final Pattern MANAGE = Pattern.compile("/g/([A-Za-z0-9_-]{22})/manage\\?token=([A-Za-z0-9_-]+)");

    @Test
    void aGroupStartedFromTheHomePageHasAManagePageAndAViewOnlyPage() {
        HttpResponse<String> started = http.post("/groups", Map.of("name", "Crew", "currency", "eur"));
        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(started.headers().firstValue("Cache-Control")).contains("no-store");
        Matcher m = MANAGE.matcher(started.headers().firstValue("Location").orElseThrow());
        assertThat(m.matches()).isTrue();
        String id = m.group(1);
        String token = m.group(2);

        HttpResponse<String> manage = http.get("/g/" + id + "/manage?token=" + token);
        assertThat(manage.statusCode()).isEqualTo(200);
        assertThat(manage.body()).contains("Crew", "played in EUR", "group-table-form", token);
        HttpResponse<String> view = http.get("/g/" + id);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("Crew").doesNotContain(token).doesNotContain("<form");
        assertThat(http.get("/g/" + id + "/manage?token=not-the-token").statusCode())
                .isEqualTo(403);
        assertThat(http.get("/g/not-a-group").statusCode()).isEqualTo(404);
    }

    @Test
    void aMemberRenamedOrMergedByTheFormsShowsSo() throws Exception {
        HttpResponse<String> started = http.post("/groups", Map.of("name", "Crew", "currency", "USD"));
        Matcher m = MANAGE.matcher(started.headers().firstValue("Location").orElseThrow());
        assertThat(m.matches()).isTrue();
        String id = m.group(1);
        String token = m.group(2);
        server.tableSystem()
                .groups()
                .change(
                        new bullion.engine.GroupId(id),
                        token,
                        new bullion.core.group.GroupCommand.AddMembers(java.util.List.of("Bob", "Bobby")))
                .toCompletableFuture()
                .get(20, java.util.concurrent.TimeUnit.SECONDS);
        HttpResponse<String> renamed =
                http.post("/g/" + id + "/members/1/rename", Map.of("token", token, "name", "Robert"));
        assertThat(renamed.statusCode()).isEqualTo(303);
        assertThat(http.get(renamed.headers().firstValue("Location").orElseThrow())
                        .body())
                .contains("Robert")
                .contains("Bobby");
        HttpResponse<String> merged = http.post("/g/" + id + "/members/2/merge", Map.of("token", token, "into", "1"));
        assertThat(merged.statusCode()).isEqualTo(303);
        assertThat(http.get("/g/" + id).body()).contains("Robert").doesNotContain("Bobby");
        assertThat(http.post("/g/" + id + "/members/1/rename", Map.of("token", "wrong", "name", "Zed"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aRefusedGroupIsTheErrorPageWithTheSentence() {
        HttpResponse<String> refused =
                http.post("/groups", Map.of("name", "Crew", "currency", "ZZZ"), "Accept", "text/html");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("is not an ISO 4217 currency code");
    }

    @Test
    void aTableOpenedFromTheGroupPageIsManagedWithTheGroupsLink() {
        HttpResponse<String> started = http.post("/groups", Map.of("name", "Crew", "currency", "USD"));
        Matcher m = MANAGE.matcher(started.headers().firstValue("Location").orElseThrow());
        assertThat(m.matches()).isTrue();
        HttpResponse<String> opened = http.post(
                "/g/" + m.group(1) + "/tables",
                Map.of("token", m.group(2), "name", "Friday", "price", "20", "chips", "100"));
        assertThat(opened.statusCode()).isEqualTo(303);
        String location = opened.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/t/[A-Za-z0-9_-]{22}/manage\\?token=" + m.group(2));
        assertThat(http.get(location).statusCode()).isEqualTo(200);
        HttpResponse<String> badPrice = http.post(
                "/g/" + m.group(1) + "/tables",
                Map.of("token", m.group(2), "name", "Friday", "price", "lots", "chips", "100"),
                "Accept",
                "text/html");
        assertThat(badPrice.statusCode()).isEqualTo(400);
        assertThat(badPrice.body()).contains("Enter the buy-in price as a number");
    }
}

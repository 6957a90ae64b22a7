package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HomePageTest extends PageServer {

    @Test
    void homeShowsTheOpenTableFormWithALabelOnEveryInput() {
        HttpResponse<String> home = http.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        for (String input : new String[] {"name", "price", "currency", "chips", "link"}) {
            assertThat(home.body()).contains("<label for=\"" + input + "\">").contains("id=\"" + input + "\"");
        }
        assertThat(home.body()).contains("action=\"/tables\"").contains("id=\"my-tables\"");
    }

    @Test
    void openingATableRedirectsToItsManagePageWith303() {
        Http.Managed table = http.openTable("Friday game", "20", "200", "USD");
        HttpResponse<String> manage = http.get(table.managePath());
        assertThat(manage.statusCode()).isEqualTo(200);
        assertThat(manage.body())
                .contains("Friday game")
                .contains("$20.00 buys 200 chips")
                .contains("one chip is $0.10");
    }

    @Test
    void aPriceThatIsNotANumberIsRefusedBesideThePriceField() {
        HttpResponse<String> response = http.shown(
                http.post("/tables", Map.of("name", "Game", "price", "twenty", "chips", "200", "currency", "USD")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("id=\"price-error\"")
                .contains("Enter the buy-in price as a number")
                .contains("value=\"twenty\"");
    }

    @Test
    void chipsThatAreNotAWholeNumberAreRefusedBesideTheChipsField() {
        HttpResponse<String> response = http.shown(
                http.post("/tables", Map.of("name", "Game", "price", "20", "chips", "2.5", "currency", "USD")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"chips-error\"");
    }

    @Test
    void eachRuleOfTheCoreIsShownBesideItsField() {
        assertRefusedAt(Map.of("name", "", "price", "20", "chips", "200", "currency", "USD"), "name-error");
        assertRefusedAt(Map.of("name", "Game", "price", "20", "chips", "200", "currency", "XYZ"), "currency-error");
        assertRefusedAt(Map.of("name", "Game", "price", "0", "chips", "200", "currency", "USD"), "price-error");
        assertRefusedAt(Map.of("name", "Game", "price", "20.001", "chips", "200", "currency", "USD"), "price-error");
        assertRefusedAt(Map.of("name", "Game", "price", "20", "chips", "0", "currency", "USD"), "chips-error");
    }

    @Test
    void aCommaDecimalIsReadAsThePriceButAThousandsSeparatorIsRefused() {
        Http.Managed table = http.openTable("Comma", "12,50", "100", "EUR");
        assertThat(http.get(table.managePath()).body()).contains("€12.50");
        assertRefusedAt(Map.of("name", "Game", "price", "1,000", "chips", "200", "currency", "USD"), "price-error");
    }

    @Test
    void goingToATableByItsManageLinkKeepsTheToken() {
        Http.Managed table = http.openTable("Linked", "20", "200", "USD");
        HttpResponse<String> go = http.get("/open?link="
                + java.net.URLEncoder.encode(
                        server.baseUrl() + table.managePath(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(go.statusCode()).isEqualTo(303);
        assertThat(go.headers().firstValue("Location")).hasValue(table.managePath());
    }

    @Test
    void goingToATableByItsIdOpensTheViewOnlyPage() {
        Http.Managed table = http.openTable("By id", "20", "200", "USD");
        HttpResponse<String> go = http.get("/open?link=" + table.id());
        assertThat(go.statusCode()).isEqualTo(303);
        assertThat(go.headers().firstValue("Location")).hasValue("/t/" + table.id());
    }

    @Test
    void somethingThatIsNotATableLinkIsRefusedBesideTheLinkField() {
        HttpResponse<String> go = http.get("/open?link=hello");
        assertThat(go.statusCode()).isEqualTo(422);
        assertThat(go.body()).contains("id=\"link-error\"");
    }

    private static void assertRefusedAt(Map<String, String> form, String errorId) {
        HttpResponse<String> response = http.shown(http.post("/tables", form));
        assertThat(response.statusCode()).as(form.toString()).isEqualTo(200);
        assertThat(response.body()).as(form.toString()).contains("id=\"" + errorId + "\"");
    }

    @Test
    void aRefusedOpenFormRedirectsHomeKeepingWhatWasTyped() {
        HttpResponse<String> refused = http.post(
                "/tables", Map.of("name", "Friday <b>", "price", "twenty", "chips", "150", "currency", "EUR"));
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).hasValue("/");
        String page = http.shown(refused).body();
        assertThat(page)
                .contains("id=\"price-error\"")
                .contains("value=\"Friday &lt;b>\"")
                .contains("value=\"twenty\"")
                .contains("value=\"150\"")
                .contains("value=\"EUR\"");
        assertThat(http.get("/").body()).doesNotContain("price-error");
    }
}

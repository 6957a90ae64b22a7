package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table's pages and every manage form, over HTTP: success, each rejection, 404 and the view-only refusal. */
class TablePagesTest extends PageServer {

    private static Http.Managed tableWithDanaAndAri() {
        Http.Managed table = http.openTable("Kitchen", "20", "200", "USD");
        assertThat(http.change(table, "/players", Map.of("name", "Dana")).statusCode())
                .isEqualTo(303);
        assertThat(http.change(table, "/players", Map.of("name", "Ari")).statusCode())
                .isEqualTo(303);
        return table;
    }

    @Test
    void everyManageFormRedirectsBackToTheManagePageWith303() {
        Http.Managed table = tableWithDanaAndAri();
        for (HttpResponse<String> response : new HttpResponse[] {
            http.change(table, "/players/1/buy-ins", Map.of()),
            http.change(table, "/players/2/buy-ins", Map.of("count", "2")),
            http.change(table, "/players/1/cash-outs", Map.of("chips", "100")),
            http.change(table, "/entries/3/void", Map.of()),
            http.change(table, "/close", Map.of("missingChips", "share")),
            http.change(table, "/reopen", Map.of())
        }) {
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).hasValue(table.managePath());
        }
    }

    @Test
    void theManagePageShowsEachPlayersNumbersTotalsAndTheLedgerNewestFirst() {
        Http.Managed table = tableWithDanaAndAri();
        http.change(table, "/players/1/buy-ins", Map.of());
        http.change(table, "/players/2/buy-ins", Map.of("count", "2"));
        http.change(table, "/players/1/cash-outs", Map.of("chips", "250"));

        String page = http.get(table.managePath()).body();
        // Dana has cashed out: done, with no chips in front of her; Ari, the only one still playing, has them all.
        assertThat(page).contains("id=\"buy-ins-1\">1<", "id=\"cashed-1\">250<", "id=\"front-1\">done<");
        assertThat(page).contains("id=\"buy-ins-2\">2<", "id=\"front-2\">350<");
        assertThat(page).contains("id=\"chips-on-table\">350<", "id=\"money-in\">$60.00<", "id=\"money-out\">$25.00<");
        assertThat(page).contains("class=\"net won\" id=\"net-1\"").contains("+$5.00");
        // Ari still has chips in front of him: his net is not known until he cashes out, so the row says what he is in
        // for.
        assertThat(page).contains("class=\"net playing\" id=\"net-2\"").contains("in $40.00");
        assertThat(page.indexOf("id=\"entry-3\"")).isLessThan(page.indexOf("id=\"entry-2\""));
        assertThat(page).contains("Settle-up shows once every chip is cashed out; 350 chips are still on the table.");
    }

    @Test
    void settleUpAppearsOnceNoChipsAreLeft() {
        Http.Managed table = tableWithDanaAndAri();
        http.change(table, "/players/1/buy-ins", Map.of());
        http.change(table, "/players/2/buy-ins", Map.of());
        http.change(table, "/players/1/cash-outs", Map.of("chips", "325"));
        http.change(table, "/players/2/cash-outs", Map.of("chips", "75"));

        String page = http.get("/t/" + table.id()).body();
        assertThat(page)
                .contains("<strong>Ari</strong> pays <strong>Dana</strong> <span class=\"amount\">$12.50</span>");
    }

    @Test
    void htmxGetsTheBoardFragmentInsteadOfARedirect() {
        Http.Managed table = tableWithDanaAndAri();
        HttpResponse<String> response =
                http.htmxPost("/t/" + table.id() + "/players/1/buy-ins", Map.of("token", table.token()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("<html").contains("id=\"buy-ins-1\">1<");
    }

    @Test
    void cashingOutMoreChipsThanOnTheTableIsRefusedBesideThatPlayersCashOutForm() {
        Http.Managed table = tableWithDanaAndAri();
        http.change(table, "/players/1/buy-ins", Map.of());
        HttpResponse<String> response = http.shown(http.change(table, "/players/2/cash-outs", Map.of("chips", "340")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("<p class=\"error\" id=\"cash-out-error-2\" role=\"alert\">"
                        + "Only 200 chips are still on the table; cannot cash out 340.</p>");
        assertThat(response.body()).doesNotContain("id=\"cash-out-error-1\"");
    }

    @Test
    void aRefusalToHtmxIsTheBoardWithTheMessageAnd422() {
        Http.Managed table = tableWithDanaAndAri();
        HttpResponse<String> response = http.htmxPost(
                "/t/" + table.id() + "/players/1/cash-outs", Map.of("token", table.token(), "chips", "5"));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .doesNotContain("<html")
                .contains("id=\"cash-out-error-1\"")
                .contains("Only 0 chips are still on the table");
    }

    @Test
    void aCashOutThatIsNotANumberIsRefusedInPlainWords() {
        Http.Managed table = tableWithDanaAndAri();
        HttpResponse<String> response = http.shown(http.change(table, "/players/1/cash-outs", Map.of("chips", "lots")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Enter the chips counted as a whole number, like 340.");
    }

    @Test
    void aSecondPlayerWithTheSameNameIsRefusedBesideTheAddPlayerForm() {
        Http.Managed table = tableWithDanaAndAri();
        HttpResponse<String> response = http.shown(http.change(table, "/players", Map.of("name", "dana")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"add-player-error\"").contains("already at this table");
    }

    @Test
    void anEmptyPlayerNameIsRefusedBesideTheAddPlayerForm() {
        Http.Managed table = tableWithDanaAndAri();
        HttpResponse<String> response = http.shown(http.change(table, "/players", Map.of("name", "  ")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"add-player-error\"");
    }

    @Test
    void aBuyInCountOutOfRangeIsRefusedBesideThatPlayersBuyIn() {
        Http.Managed table = tableWithDanaAndAri();
        HttpResponse<String> response = http.shown(http.change(table, "/players/2/buy-ins", Map.of("count", "0")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"buy-in-error-2\"");
    }

    @Test
    void voidingAnEntryStrikesItThroughAndItStopsCounting() {
        Http.Managed table = tableWithDanaAndAri();
        http.change(table, "/players/1/buy-ins", Map.of());
        assertThat(http.change(table, "/entries/1/void", Map.of("reason", "mis-tap"))
                        .statusCode())
                .isEqualTo(303);
        String page = http.get(table.managePath()).body();
        assertThat(page)
                .contains("class=\"entry voided\" id=\"entry-1\"")
                .contains("(voided: mis-tap)")
                .doesNotContain("id=\"void-1\"")
                .contains("id=\"buy-ins-1\">0<");
    }

    @Test
    void voidingAnEntryTwiceIsRefusedBesideThatEntry() {
        Http.Managed table = tableWithDanaAndAri();
        http.change(table, "/players/1/buy-ins", Map.of());
        http.change(table, "/entries/1/void", Map.of());
        HttpResponse<String> response = http.shown(http.change(table, "/entries/1/void", Map.of()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"void-error-1\"").contains("Entry 1 is already voided.");
    }

    @Test
    void aChangeToAClosedTableIsRefusedAndReopeningAllowsItAgain() {
        Http.Managed table = tableWithDanaAndAri();
        http.change(table, "/close", Map.of());
        String closed = http.get(table.managePath()).body();
        assertThat(closed)
                .contains("id=\"closed-banner\"")
                .contains("id=\"reopen\"")
                .doesNotContain("id=\"buy-in-1\"");
        HttpResponse<String> refused = http.shown(http.change(table, "/players/1/buy-ins", Map.of()));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("The table is closed; reopen it to change anything.");
        assertThat(http.shown(http.change(table, "/close", Map.of())).body())
                .contains("id=\"status-error\"")
                .contains("The table is already closed.");
        assertThat(http.change(table, "/reopen", Map.of()).statusCode()).isEqualTo(303);
        assertThat(http.change(table, "/players/1/buy-ins", Map.of()).statusCode())
                .isEqualTo(303);
    }

    @Test
    void reopeningAnOpenTableIsRefusedBesideTheStatusForm() {
        Http.Managed table = tableWithDanaAndAri();
        HttpResponse<String> response = http.shown(http.change(table, "/reopen", Map.of()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"status-error\"");
    }

    @Test
    void theSameRequestIdSentTwiceRecordsOneBuyIn() {
        Http.Managed table = tableWithDanaAndAri();
        http.change(table, "/players/1/buy-ins", Map.of("requestId", "tap-1"));
        http.change(table, "/players/1/buy-ins", Map.of("requestId", "tap-1"));
        assertThat(http.get(table.managePath()).body()).contains("id=\"buy-ins-1\">1<");
    }

    @Test
    void anUnknownPlayerOrEntryIsA404Page() {
        Http.Managed table = tableWithDanaAndAri();
        HttpResponse<String> player = http.change(table, "/players/99/buy-ins", Map.of());
        assertThat(player.statusCode()).isEqualTo(404);
        assertThat(player.body()).contains("There is no player 99 at this table.");
        assertThat(http.change(table, "/entries/99/void", Map.of()).statusCode())
                .isEqualTo(404);
        // A malformed player id is 400 on the pages as in the API (a malformed table id is 404 on both).
        assertThat(http.change(table, "/players/abc/buy-ins", Map.of()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void anUnknownTableIsARealNotFoundPage() {
        for (String path : new String[] {
            "/t/AAAAAAAAAAAAAAAAAAAAAA",
            "/t/not-an-id",
            "/t/AAAAAAAAAAAAAAAAAAAAAA/manage?token=x",
            "/t/AAAAAAAAAAAAAAAAAAAAAA/ledger.csv",
            "/t/AAAAAAAAAAAAAAAAAAAAAA/fragment",
            "/no/such/page"
        }) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body())
                    .as(path)
                    .contains("<h1>No such table or page</h1>")
                    .doesNotContain("Exception");
        }
        assertThat(http.post("/t/AAAAAAAAAAAAAAAAAAAAAA/players", Map.of("token", "x", "name", "A"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theViewOnlyPageHasTheNumbersButNoFormsAndNoToken() {
        Http.Managed table = tableWithDanaAndAri();
        http.change(table, "/players/1/buy-ins", Map.of());
        HttpResponse<String> view = http.get("/t/" + table.id());
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body())
                .contains("id=\"buy-ins-1\">1<")
                .contains("id=\"entry-1\"")
                .doesNotContain("<form")
                .doesNotContain(table.token())
                .doesNotContain("/manage");
        assertThat(http.get("/t/" + table.id() + "/fragment").body())
                .doesNotContain("<form")
                .doesNotContain(table.token());
    }

    @Test
    void aChangeWithoutTheTokenOrWithAWrongOneIsForbidden() {
        Http.Managed table = tableWithDanaAndAri();
        String base = "/t/" + table.id();
        for (String path : new String[] {
            "/players", "/players/1/buy-ins", "/players/1/cash-outs", "/entries/1/void", "/close", "/reopen"
        }) {
            HttpResponse<String> none = http.post(base + path, Map.of("name", "Mallory", "chips", "1"));
            assertThat(none.statusCode()).as(path).isEqualTo(403);
            assertThat(none.body()).as(path).contains("Not allowed from here");
            HttpResponse<String> wrong =
                    http.post(base + path, Map.of("token", table.token() + "x", "name", "Mallory", "chips", "1"));
            assertThat(wrong.statusCode()).as(path).isEqualTo(403);
        }
        assertThat(http.get(table.managePath()).body()).doesNotContain("Mallory");
    }

    @Test
    void aManageLinkWithAWrongTokenIsForbiddenNotAViewOnlyPage() {
        Http.Managed table = tableWithDanaAndAri();
        HttpResponse<String> response = http.get("/t/" + table.id() + "/manage?token=wrong");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("This manage link is not right").doesNotContain("<form");
        assertThat(http.get("/t/" + table.id() + "/fragment?token=wrong").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theManagePageCarriesTheShareLinkAndItsQrCodeButTheShareLinkHasNoToken() {
        Http.Managed table = tableWithDanaAndAri();
        HttpResponse<String> page = http.get(table.managePath());
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        String viewUrl = server.baseUrl() + "/t/" + table.id();
        assertThat(page.body())
                .contains("id=\"view-link\" value=\"" + viewUrl + "\"")
                .contains("src=\"/t/" + table.id() + "/qr.svg\"")
                .contains("data-copy=\"view-link\"");

        HttpResponse<String> qr = http.get("/t/" + table.id() + "/qr.svg");
        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(qr.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400");
        assertThat(qr.body()).startsWith("<svg ").contains("<path d=\"M").doesNotContain(table.token());
        assertThat(http.get("/t/AAAAAAAAAAAAAAAAAAAAAA/qr.svg").statusCode()).isEqualTo(404);
    }

    @Test
    void aHostileNameIsEscapedEverywhereItIsShown() {
        Http.Managed table = http.openTable("<b>Night</b>", "20", "200", "USD");
        http.change(table, "/players", Map.of("name", "<script>alert(1)</script>"));
        http.change(table, "/players/1/buy-ins", Map.of());
        for (String path : new String[] {table.managePath(), "/t/" + table.id(), "/t/" + table.id() + "/fragment"}) {
            String body = http.get(path).body();
            assertThat(body)
                    .as(path)
                    .doesNotContain("<script>alert(1)</script>")
                    .doesNotContain("<b>Night</b>")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void theLedgerDownloadsAsCsvWithFormulasDefused() {
        Http.Managed table = http.openTable("CSV night", "20", "200", "USD");
        http.change(table, "/players", Map.of("name", "=HYPERLINK(\"x\")"));
        http.change(table, "/players/1/buy-ins", Map.of("count", "2"));
        http.change(table, "/players/1/cash-outs", Map.of("chips", "150"));
        http.change(table, "/entries/2/void", Map.of("reason", "miscount, sorry"));
        HttpResponse<String> csv = http.get("/t/" + table.id() + "/ledger.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0])
                .isEqualTo("\uFEFFseq,time,player,kind,buy_ins,chips,amount,currency,voided,void_reason,paid");
        assertThat(lines[1]).matches("1,[0-9T:.Z-]+,\"'=HYPERLINK\\(\"\"x\"\"\\)\",buy-in,2,400,40.00,USD,no,,credit");
        assertThat(lines[2]).endsWith(",cash-out,,150,,USD,yes,\"miscount, sorry\",");
        assertThat(lines)
                .containsSequence(
                        "",
                        "player,paid_in,paid_cash,cashed_out_value,adjustment,net,currency",
                        "\"'=HYPERLINK(\"\"x\"\")\",40.00,0.00,0.00,0.00,-40.00,USD",
                        "",
                        "payment,from,to,amount,currency,paid,paid_at");
    }

    @Test
    void aRefusedFormWithoutJavaScriptComesBackOnTheManagePageWithWhatWasTyped() {
        Http.Managed table = tableWithDanaAndAri();
        HttpResponse<String> refused = http.change(table, "/players/2/cash-outs", Map.of("chips", "lots"));
        // Post/Redirect/Get: the address bar ends on the manage page, never on the URL that only takes a POST.
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).hasValue(table.managePath());
        String cookie = refused.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith("bullion-refused=")
                .contains("Path=/t/" + table.id())
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .contains("Max-Age=60");
        assertThat(java.util.Base64.getUrlDecoder().decode(cookie.split("[=;]")[1]))
                .asString()
                .doesNotContain(table.token());

        HttpResponse<String> shown = http.shown(refused);
        assertThat(shown.body())
                .contains("id=\"cash-out-error-2\"")
                .contains("Enter the chips counted as a whole number")
                .contains("id=\"cash-out-chips-2\" name=\"chips\" value=\"lots\"")
                .doesNotContain("id=\"cash-out-chips-1\" name=\"chips\" value=\"lots\"");
        // Shown once: the cookie is cleared, and a reload is the plain page.
        assertThat(shown.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("bullion-refused=").contains("Expires=Thu, 01 Jan 1970"));
        assertThat(http.get(table.managePath()).body()).doesNotContain("cash-out-error-2");
    }

    @Test
    void aRefusedPlayerNameAndVoidReasonAreKeptInTheirFields() {
        Http.Managed table = tableWithDanaAndAri();
        assertThat(http.shown(http.change(table, "/players", Map.of("name", "dana")))
                        .body())
                .contains("id=\"add-player-name\" name=\"name\" value=\"dana\"");
        http.change(table, "/players/1/buy-ins", Map.of());
        http.change(table, "/entries/1/void", Map.of());
        assertThat(http.shown(http.change(table, "/entries/1/void", Map.of("reason", "twice")))
                        .body())
                .contains("Entry 1 is already voided.");
    }

    @Test
    void aRefusalCookieThatIsForgedOrForAnotherTableShowsNothingAndBreaksNothing() {
        Http.Managed table = tableWithDanaAndAri();
        Http.Managed other = tableWithDanaAndAri();
        HttpResponse<String> refused = http.change(other, "/players", Map.of("name", "dana"));
        String cookie = refused.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> elsewhere = http.get(table.managePath(), "Cookie", cookie);
        assertThat(elsewhere.statusCode()).isEqualTo(200);
        assertThat(elsewhere.body()).doesNotContain("add-player-error");
        for (String forged : new String[] {"%%%", "bm90IG91cnM", "d2hlcmU9JmZpZWxkPQ", "!".repeat(3000)}) {
            HttpResponse<String> page = http.get(table.managePath(), "Cookie", "bullion-refused=" + forged);
            assertThat(page.statusCode()).as(forged).isEqualTo(200);
            assertThat(page.body()).doesNotContain("role=\"alert\"");
        }
    }

    @Test
    void aRefusedFormTooLongForACookieStillRedirectsWithItsError() {
        Http.Managed table = tableWithDanaAndAri();
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("name", "dana");
        for (int i = 0; i < 14; i++) {
            form.put("extra" + i, "€".repeat(500));
        }
        HttpResponse<String> refused = http.change(table, "/players", form);
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Set-Cookie").orElseThrow()).hasSizeLessThan(4096);
        assertThat(http.shown(refused).body()).contains("id=\"add-player-error\"");
    }

    @Test
    void aTableWhereNobodyHasBoughtInHasNothingToSettleYet() {
        Http.Managed table = tableWithDanaAndAri();
        assertThat(http.get("/t/" + table.id()).body())
                .contains("Nothing to settle yet: nobody has bought in.")
                .doesNotContain("Everyone is square");
    }
}

package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The host's page on a phone with JavaScript turned off: every form is a plain POST answered by a redirect (303) to
 * the manage page. A refused form comes back with what was typed and the error beside it, on a URL that can be
 * reloaded; each change adds one history entry (the manage page's own URL, as Chromium gives every POST one), and
 * the page's crumb leaves it in one step. With JavaScript, changes add no history entry at all.
 */
class NoScriptBrowserTest extends PageServer {

    private static final Duration STEP = Duration.ofSeconds(20);
    private static final int CHANGES = 5;

    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedOnAGetUrlAndChangesDoNotPileUpHistory() {
        Http.Managed table = http.openTable("No script", "20", "200", "USD");
        http.change(table, "/players", Map.of("name", "Ann"));
        browser = Browsers.startWithoutScript(375, 812);
        browser.get(server.baseUrl() + "/");
        browser.get(server.baseUrl() + table.managePath());
        // bullion.js would have replaced this line with "Live · updated …": no script runs on this page.
        assertThat(browser.findElement(By.id("live-status")).getText()).startsWith("Every phone");
        int entriesOnArrival = historyLength();

        Browsers.openPlayer(browser, 1);
        browser.findElement(By.id("cash-out-chips-1")).sendKeys("lots");
        browser.findElement(By.id("cash-out-1")).click();
        waitFor(d -> !d.findElements(By.id("cash-out-error-1")).isEmpty());
        assertThat(browser.getCurrentUrl()).isEqualTo(server.baseUrl() + table.managePath());
        assertThat(browser.findElement(By.id("cash-out-error-1")).getText())
                .isEqualTo("Enter the chips counted as a whole number, like 340.");
        assertThat(browser.findElement(By.id("cash-out-chips-1")).getDomProperty("value"))
                .isEqualTo("lots");
        Browsers.screenshot(browser, "no-script-refused-375");
        // A reload is a GET of the manage page: nothing is sent again, and the refusal, shown once, is gone.
        browser.navigate().refresh();
        waitFor(d -> d.findElements(By.id("cash-out-error-1")).isEmpty());

        int beforeChanges = historyLength();
        for (int i = 1; i <= CHANGES; i++) {
            Browsers.openPlayer(browser, 1);
            browser.findElement(By.id("buy-in-1")).click();
            waitFor(Browsers.textIs(By.id("buy-ins-1"), String.valueOf(i)));
        }
        assertThat(browser.getCurrentUrl()).isEqualTo(server.baseUrl() + table.managePath());
        int added = historyLength() - beforeChanges;
        System.out.println("without JavaScript, " + CHANGES + " changes added " + added + " history entries; "
                + "the refusal and the reload added " + (beforeChanges - entriesOnArrival));
        // Chromium gives every form POST its own entry, whatever the answer (measured: a POST to the page's own URL,
        // with or without a 303, adds one too). Post/Redirect/Get keeps that to one entry per change, each the
        // manage page's GET URL: never the POST URL, never two, and a reload adds none.
        assertThat(added).isEqualTo(CHANGES);
        assertThat(beforeChanges - entriesOnArrival).isEqualTo(1);
        assertThat(historyUrls())
                .filteredOn(url -> url.startsWith("http"))
                .containsOnly(server.baseUrl() + "/", server.baseUrl() + table.managePath());

        // Going back shows the manage page as it is now (it is never cached) and sends no form again.
        browser.navigate().back();
        waitFor(Browsers.textIs(By.id("buy-ins-1"), String.valueOf(CHANGES)));
        assertThat(browser.getCurrentUrl()).isEqualTo(server.baseUrl() + table.managePath());
        assertThat(http.get("/api/tables/" + table.id() + "/ledger").body())
                .contains("\"seq\":" + CHANGES)
                .doesNotContain("\"seq\":" + (CHANGES + 1));
        // The crumb leaves the table in one step, however many changes were made.
        browser.findElement(By.linkText("Bullion")).click();
        waitFor(d -> d.getCurrentUrl().equals(server.baseUrl() + "/"));
    }

    @Test
    void withJavaScriptChangesAndARefusalAddNoHistoryEntryAtAll() {
        Http.Managed table = http.openTable("With script", "20", "200", "USD");
        http.change(table, "/players", Map.of("name", "Ann"));
        browser = Browsers.start(375, 812);
        browser.get(server.baseUrl() + "/");
        browser.get(server.baseUrl() + table.managePath());
        int onArrival = historyLength();
        for (int i = 1; i <= CHANGES; i++) {
            Browsers.openPlayer(browser, 1);
            browser.findElement(By.id("buy-in-1")).click();
            waitFor(Browsers.textIs(By.id("buy-ins-1"), String.valueOf(i)));
        }
        browser.findElement(By.id("cash-out-chips-1")).sendKeys("lots");
        browser.findElement(By.id("cash-out-1")).click();
        waitFor(d -> !d.findElements(By.id("cash-out-error-1")).isEmpty());
        assertThat(browser.findElement(By.id("cash-out-chips-1")).getDomProperty("value"))
                .isEqualTo("lots");
        int added = historyLength() - onArrival;
        System.out.println(
                "with JavaScript, " + CHANGES + " changes and a refusal added " + added + " history entries");
        assertThat(added).isZero();
        browser.navigate().back();
        waitFor(d -> d.getCurrentUrl().equals(server.baseUrl() + "/"));
    }

    /** How many entries the tab's history has, from the browser itself (no page script is needed to ask). */
    @SuppressWarnings("unchecked")
    private int historyLength() {
        Map<String, Object> history = browser.executeCdpCommand("Page.getNavigationHistory", Map.of());
        return ((List<Object>) history.get("entries")).size();
    }

    @SuppressWarnings("unchecked")
    private List<String> historyUrls() {
        Map<String, Object> history = browser.executeCdpCommand("Page.getNavigationHistory", Map.of());
        return ((List<Map<String, Object>>) history.get("entries"))
                .stream().map(e -> (String) e.get("url")).toList();
    }

    private void waitFor(java.util.function.Function<? super WebDriver, ?> condition) {
        new WebDriverWait(browser, STEP)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }
}

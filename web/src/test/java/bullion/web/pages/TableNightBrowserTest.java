package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bullion.engine.TableId;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A table night in real headless chromium: the host on a phone-sized window runs the table, a second browser on
 * the view-only link follows every change live, without reloading and without controls.
 */
class TableNightBrowserTest extends PageServer {

    /**
     * The promise is a change on every open page within a second; two Chromiums on a loaded 2-core CI machine can
     * take longer without anything being wrong, so the test allows 5 s and prints what it measured.
     */
    private static final Duration LIVE = Duration.ofSeconds(5);

    private static final Duration STEP = Duration.ofSeconds(10);

    static ChromeDriver host;
    static ChromeDriver viewer;

    @BeforeAll
    static void start() {
        host = Browsers.start(375, 1600);
        viewer = Browsers.start(1200, 1400);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.quit();
        }
        if (viewer != null) {
            viewer.quit();
        }
    }

    @Test
    void aHostRunsATableToSettleUpWhileAViewerSeesEachChangeLive() throws Exception {
        host.get(server.baseUrl() + "/");
        Browsers.screenshot(host, "home");
        host.findElement(By.id("name")).sendKeys("Friday at Dana's");
        host.findElement(By.id("price")).clear();
        host.findElement(By.id("price")).sendKeys("20");
        host.findElement(By.id("chips")).clear();
        host.findElement(By.id("chips")).sendKeys("200");
        host.findElement(By.id("open-table")).click();
        wait(host, STEP).until(ExpectedConditions.urlContains("/manage?token="));
        assertThat(host.findElement(By.id("table-name")).getText()).isEqualTo("Friday at Dana's");

        addPlayer("Dana");
        addPlayer("Ari");

        String viewUrl = host.findElement(By.id("view-link")).getAttribute("value");
        assertThat(viewUrl).doesNotContain("token");
        TableId id =
                TableId.parse(viewUrl.substring(viewUrl.lastIndexOf('/') + 1)).orElseThrow();
        viewer.get(viewUrl);
        assertThat(viewer.findElements(By.tagName("form"))).isEmpty();
        assertThat(viewer.findElements(By.tagName("button"))).isEmpty();
        wait(host, STEP).until(d -> server.web().feed().clientCount(id) >= 2);
        Object viewerPage = viewer.executeScript("return window.performance.timeOrigin;");

        Browsers.openPlayer(host, 1);
        Browsers.openPlayer(host, 2);
        seenLive(
                () -> host.findElement(By.id("buy-in-1")).click(),
                ExpectedConditions.textToBe(By.id("buy-ins-1"), "1"));
        seenLive(
                () -> host.findElement(By.id("buy-in-2")).click(),
                ExpectedConditions.textToBe(By.id("chips-on-table"), "400"));

        cashOut(2, "500");
        wait(host, STEP)
                .until(ExpectedConditions.textToBe(
                        By.id("cash-out-error-2"), "Only 400 chips are still on the table; cannot cash out 500."));
        // The refused cash-out changed nothing, and the error sits in Ari's card, beside the form that caused it.
        assertThat(host.findElement(By.id("player-2")).findElements(By.id("cash-out-error-2")))
                .hasSize(1);
        // ...and the field keeps what was typed, to be corrected rather than typed again.
        assertThat(host.findElement(By.id("cash-out-chips-2")).getDomProperty("value"))
                .isEqualTo("500");
        Browsers.screenshot(host, "host-rejection");

        seenLive(() -> cashOut(1, "275"), ExpectedConditions.textToBe(By.id("chips-on-table"), "125"));
        seenLive(
                () -> cashOut(2, "125"),
                ExpectedConditions.textToBePresentInElementLocated(By.id("payments"), "Ari pays Dana $7.50"));
        wait(host, STEP)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("payments"), "Ari pays Dana $7.50"));

        assertThat(viewer.findElement(By.id("net-1")).getText()).contains("+$7.50");
        wait(viewer, STEP).until(Browsers.hasClass(By.id("net-1"), "won"));
        wait(viewer, STEP).until(Browsers.hasClass(By.id("net-2"), "lost"));
        assertThat(viewer.findElements(By.cssSelector("#ledger li"))).hasSize(4);
        assertThat(viewer.findElements(By.tagName("form"))).isEmpty();
        // Live means without reloading: the viewer's document is still the one it first loaded.
        assertThat(viewer.executeScript("return window.performance.timeOrigin;"))
                .isEqualTo(viewerPage);

        Browsers.screenshot(host, "host-settle-up");
        Browsers.screenshot(viewer, "viewer-settle-up");
        assertNoConsoleErrors(host);
        assertNoConsoleErrors(viewer);
    }

    @Test
    void aHostilePlayerNameRendersAsTextAndRunsNothing() throws Exception {
        host.get(server.baseUrl() + "/");
        host.findElement(By.id("name")).sendKeys("<img src=x onerror=alert(2)>");
        host.findElement(By.id("open-table")).click();
        wait(host, STEP).until(ExpectedConditions.urlContains("/manage?token="));

        addPlayer("<script>alert(1)</script>");
        WebElement name = host.findElement(By.cssSelector("#player-1 .player-name"));
        assertThat(name.getText()).isEqualTo("<script>alert(1)</script>");
        assertThat(host.findElement(By.id("table-name")).getText()).isEqualTo("<img src=x onerror=alert(2)>");
        assertThat(host.findElements(By.cssSelector("#player-1 script, h1 img")))
                .isEmpty();
        assertThatThrownBy(() -> host.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        Browsers.screenshot(host, "hostile-name");

        // The home page lists this table from local storage, its name still text.
        host.get(server.baseUrl() + "/");
        wait(host, STEP)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("my-tables"), "<img src=x onerror=alert(2)>"));
        assertThat(host.findElements(By.cssSelector("#my-tables img"))).isEmpty();
        Browsers.screenshot(host, "home-with-my-tables");
        assertNoConsoleErrors(host);
    }

    /** Makes a change on the host's page and waits for the viewer to show it, printing how long that took. */
    private static void seenLive(Runnable change, ExpectedCondition<?> shown) {
        long started = System.nanoTime();
        change.run();
        wait(viewer, LIVE).until(shown);
        System.out.println("live update seen after "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    }

    private static void addPlayer(String name) {
        int before = host.findElements(By.cssSelector("details.player")).size();
        host.findElement(By.id("add-player-name")).sendKeys(name);
        host.findElement(By.id("add-player")).click();
        wait(host, STEP)
                .until(d -> d.findElements(By.cssSelector("details.player")).size() == before + 1);
    }

    private static void cashOut(int playerId, String chips) {
        WebElement input = host.findElement(By.id("cash-out-chips-" + playerId));
        input.clear();
        input.sendKeys(chips);
        host.findElement(By.id("cash-out-" + playerId)).click();
        // The board is swapped after the answer, so the old input goes stale.
        wait(host, STEP).until(ExpectedConditions.stalenessOf(input));
    }

    private static WebDriverWait wait(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(25));
        return wait;
    }

    /**
     * A CSP violation, a failed script or a missing file is logged by chromium as SEVERE. A refused form's 422 is
     * logged too; that one is the page working as it should.
     */
    private static void assertNoConsoleErrors(ChromeDriver driver) {
        List<LogEntry> entries = Browsers.console(driver);
        assertThat(entries)
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()
                        || e.getMessage().contains("Content Security Policy"))
                .filteredOn(e -> !e.getMessage().contains("status of 422"))
                .isEmpty();
    }
}

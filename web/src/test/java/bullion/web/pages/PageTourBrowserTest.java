package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of a night, on a phone (375x812) and a desktop (1280x900), saved screen by screen under
 * target/screenshots/tour-* to be looked at, each checked by axe-core and for a page wider than the screen.
 */
class PageTourBrowserTest extends PageServer {

    private static final List<String> NAMES = List.of("Ann", "Bob", "Cat", "Dan", "Eve", "Rosalind Montgomery-Smythe");

    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {375, 1280})
    void eachPageOfANightFitsItsScreenAndPassesAxe(int width) {
        int height = width < 500 ? 812 : 900;
        Http.Managed table = http.openTable("Friday at Ann's", "20", "200", "EUR");
        for (int i = 0; i < NAMES.size(); i++) {
            http.change(table, "/players", Map.of("name", NAMES.get(i)));
            http.change(table, "/players/" + (i + 1) + "/buy-ins", Map.of("count", i % 3 == 0 ? "2" : "1"));
        }
        http.change(table, "/players/2/cash-outs", Map.of("chips", "310"));
        browser = Browsers.start(width, height);

        look("home", width, "/");
        look("playing", width, table.managePath());
        Browsers.openPlayer(browser, 1);
        Browsers.screenshot(browser, "tour-" + width + "-row-open");
        browser.findElement(By.id("close-open")).click();
        browser.executeScript("document.getElementById('close-details').scrollIntoView();");
        Browsers.screenshot(browser, "tour-" + width + "-close-open");
        Browsers.assertAccessible(browser, "close open, " + width);
        browser.executeScript("window.scrollTo(0, 0);");
        Browsers.assertAccessible(browser, "a row open, " + width);
        browser.findElement(By.id("share-toggle")).click();
        Browsers.screenshot(browser, "tour-" + width + "-share");
        Browsers.assertAccessible(browser, "share open, " + width);
        look("view-only", width, "/t/" + table.id());

        long[] chips = {500, 0, 150, 310, 180, 150};
        for (int p = 1; p <= NAMES.size(); p++) {
            if (p != 2) {
                http.change(table, "/players/" + p + "/cash-outs", Map.of("chips", String.valueOf(chips[p - 1])));
            }
        }
        assertThat(http.change(table, "/close", Map.of()).statusCode()).isEqualTo(303);
        look("closed", width, table.managePath());
        assertThat(browser.findElements(By.id("closed-banner"))).hasSize(1);
        assertThat(browser.findElement(By.id("settle-up")).getRect().getY()).isLessThan(height);
        look("closed-view-only", width, "/t/" + table.id());
    }

    /** Opens {@code path}, waits for bullion.js to have run, and saves and checks it. */
    private void look(String name, int width, String path) {
        browser.get(server.baseUrl() + path);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until((WebDriver d) -> d.findElements(By.id("live-status")).isEmpty()
                        || d.findElement(By.id("live-status")).getDomAttribute("data-state") != null);
        long scrollWidth = ((Number) browser.executeScript("return document.documentElement.scrollWidth;")).longValue();
        assertThat(scrollWidth).as(name + " is no wider than the screen").isLessThanOrEqualTo(width);
        Browsers.screens(browser, "tour-" + width + "-" + name, 6);
        Browsers.assertAccessible(browser, name + ", " + width);
    }
}

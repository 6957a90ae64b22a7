package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Times as bullion.js writes them, in the reader's language and time zone, the browser's own {@code Intl} doing the
 * work: its pure {@code bullionTimeText} is run on fixed instants, with the browser's zone and locale set through
 * DevTools, and the ledger's times are checked to be what it says.
 */
class TimeTextBrowserTest extends PageServer {

    /** 01:05:09 UTC on 29 November: the evening before in New York, the small hours in Berlin, Paris and Tokyo. */
    private static final String LATE = "2026-11-29T01:05:09Z";

    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anInstantIsWrittenInTheReadersZoneAndLanguageWithTheExactInstantBeside() {
        Http.Managed table = http.openTable("Clock", "20", "200", "USD");
        http.change(table, "/players", Map.of("name", "Ann"));
        http.change(table, "/players/1/buy-ins", Map.of());
        browser = Browsers.start(375, 812);

        assertTime("en-US", "America/New_York", "8:05 PM", "Saturday, November 28, 2026 at 8:05:09 PM EST");
        assertTime("de-DE", "Europe/Berlin", "02:05", "Sonntag, 29. November 2026 um 02:05:09 MEZ");
        assertTime("fr-FR", "Europe/Paris", "02:05", "dimanche 29 novembre 2026 à 02:05:09 UTC+1");
        assertTime("ja-JP", "Asia/Tokyo", "10:05", "2026年11月29日日曜日 10:05:09 JST");

        // The ledger on a Tokyo phone: its times are the ones timeText gives, and a tap shows the exact instant.
        browser.get(server.baseUrl() + table.managePath());
        By time = By.cssSelector("#entry-1 time");
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElement(time).getDomAttribute("title") != null);
        Map<?, ?> expected = (Map<?, ?>) browser.executeScript(
                "return window.bullionTimeText(arguments[0]);",
                browser.findElement(time).getDomAttribute("datetime"));
        assertThat(browser.findElement(time).getText()).isEqualTo(expected.get("text"));
        assertThat(browser.findElement(time).getDomAttribute("title"))
                .isEqualTo(expected.get("exact"))
                .contains(" JST (");
        browser.findElement(time).click();
        assertThat(browser.findElement(time).getText()).isEqualTo(expected.get("exact"));
    }

    /** Sets the browser's language and zone as a phone's settings would, and checks the two texts exactly. */
    private void assertTime(String locale, String zone, String text, String exact) {
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
        browser.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", locale));
        browser.get(server.baseUrl() + "/");
        Map<?, ?> written = (Map<?, ?>) browser.executeScript("return window.bullionTimeText(arguments[0]);", LATE);
        System.out.println(locale + " " + zone + ": " + written);
        assertThat(written.get("text")).as(locale).isEqualTo(text);
        assertThat(written.get("exact")).as(locale).isEqualTo(exact + " (2026-11-29T01:05:09.000Z)");
        // The same with the language and zone given, as a pure function of its inputs.
        Map<?, ?> given = (Map<?, ?>) browser.executeScript(
                "return window.bullionTimeText(arguments[0], arguments[1], arguments[2]);", LATE, locale, zone);
        assertThat(given).isEqualTo(written);
    }
}

package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A cash night to the last payment on a phone (375 px wide): cash and credit buy-ins in one tap, a pay handle, a
 * close that asks what became of the chips still out, the settle-up with its pay links, the text for the group
 * chat, and every payment marked paid until the table is settled.
 */
class CashNightBrowserTest extends PageServer {

    private static final Duration STEP = Duration.ofSeconds(10);

    static ChromeDriver host;

    @BeforeAll
    static void start() {
        host = Browsers.start(375, 2400);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.quit();
        }
    }

    @Test
    void aHostPlaysACashNightToSettledOnAPhone() {
        host.get(server.baseUrl() + "/");
        host.findElement(By.id("name")).sendKeys("Cash night");
        host.findElement(By.id("price")).clear();
        host.findElement(By.id("price")).sendKeys("20");
        host.findElement(By.id("chips")).clear();
        host.findElement(By.id("chips")).sendKeys("100");
        host.findElement(By.id("default-cash")).click();
        host.findElement(By.id("open-table")).click();
        waitFor(ExpectedConditions.urlContains("/manage?token="));
        String manageUrl = host.getCurrentUrl();
        String tableId = manageUrl.replaceAll(".*/t/([^/]+)/manage.*", "$1");

        for (String name : new String[] {"Ann", "Bob", "Cat"}) {
            int before = host.findElements(By.cssSelector("details.player")).size();
            host.findElement(By.id("add-player-name")).sendKeys(name);
            host.findElement(By.id("add-player")).click();
            waitFor(d -> d.findElements(By.cssSelector("details.player")).size() == before + 1);
        }
        // The table's default, cash, is the first and main button; credit is one tap beside it.
        Browsers.openPlayer(host, 1);
        assertThat(host.findElement(By.id("buy-in-1")).getText()).isEqualTo("+ Buy-in · cash");
        host.findElement(By.id("buy-in-1")).click();
        waitFor(Browsers.textIs(By.id("paid-cash-1"), "$20.00"));
        Browsers.openPlayer(host, 2);
        host.findElement(By.id("buy-in-2")).click();
        waitFor(Browsers.textIs(By.id("paid-cash-2"), "$20.00"));
        Browsers.openPlayer(host, 3);
        host.findElement(By.id("buy-in-credit-3")).click();
        waitFor(Browsers.textIs(By.id("buy-ins-3"), "1"));
        assertThat(Browsers.text(host, By.id("paid-cash-3"))).isEqualTo("$0.00");
        assertThat(host.findElement(By.id("bank")).getText()).contains("$40.00 taken in cash");

        host.findElement(By.id("edit-2")).click();
        host.findElement(By.id("venmo-2")).sendKeys("@bob-lee");
        host.findElement(By.id("save-2")).click();
        waitFor(d -> "bob-lee".equals(d.findElement(By.id("venmo-2")).getDomProperty("value")));

        cashOut(1, "200");
        cashOut(2, "50");
        // Cat leaves with 50 chips uncounted: the close, folded away while playing, asks what became of them.
        assertThat(host.findElement(By.id("close")).isDisplayed()).isFalse();
        host.findElement(By.id("close-open")).click();
        host.findElement(By.id("close")).click();
        assertThat(host.findElements(By.id("closed-banner"))).isEmpty();
        assertThat(host.findElement(By.id("missing-chips")).getText())
                .contains("50 chips are still out (worth $10.00)");
        host.findElement(By.cssSelector("input[name=missingChips][value='3']")).click();
        host.findElement(By.id("close")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("closed-banner")));

        waitFor(ExpectedConditions.textToBe(By.id("paid-progress"), "0 of 2 paid"));
        assertThat(host.findElement(By.id("payments")).getText())
                .contains("Bank pays Ann $40.00", "Cat pays Bob $10.00");
        assertThat(host.findElement(By.id("bank")).getText()).contains("$40.00 to pay out");
        WebElement toBob = host.findElements(By.cssSelector("#payments li")).stream()
                .filter(li -> li.getText().contains("Cat pays Bob"))
                .findFirst()
                .orElseThrow();
        assertThat(toBob.findElement(By.cssSelector("a.pay-link")).getDomAttribute("href"))
                .isEqualTo("https://venmo.com/bob-lee?txn=pay&amount=10.00&note=Cash%20night");
        assertThat(toBob.findElement(By.cssSelector("a.pay-link")).getText()).isEqualTo("Venmo");
        host.executeScript("window.scrollTo(0, 0)");
        Browsers.screenshot(host, "cash-night-closed-375");

        // What "Copy for the group chat" copies is the settle-up as text, the same as the API's settlement.txt.
        String copied = host.findElement(By.id("chat-text")).getDomProperty("value");
        HttpResponse<String> text = http.get("/api/tables/" + tableId + "/settlement.txt");
        assertThat(copied).isEqualTo(text.body()).contains("Cat pays Bob $10.00", "Venmo: https://venmo.com/bob-lee");
        host.findElement(By.id("copy-chat")).click();
        waitFor(ExpectedConditions.textToBe(By.id("copy-chat"), "Copied"));

        host.findElement(By.id("paid-1")).click();
        waitFor(ExpectedConditions.textToBe(By.id("paid-progress"), "1 of 2 paid"));
        host.findElement(By.id("paid-2")).click();
        waitFor(ExpectedConditions.textToBe(By.id("paid-progress"), "2 of 2 paid · settled"));
        assertThat(host.findElement(By.id("bank")).getText()).contains("it holds $0.00 now");
        Browsers.screenshot(host, "cash-night-settled-375");
        assertThat(Browsers.console(host)).noneMatch(e -> e.getMessage().contains("Content Security Policy"));
    }

    private static void cashOut(int playerId, String chips) {
        Browsers.openPlayer(host, playerId);
        host.findElement(By.id("cash-out-chips-" + playerId)).sendKeys(chips);
        host.findElement(By.id("cash-out-" + playerId)).click();
        waitFor(Browsers.textIs(By.id("cashed-" + playerId), chips));
    }

    private static <T> void waitFor(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        // A live refresh may swap the board between finding an element and reading it.
        new WebDriverWait(host, STEP)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }
}

package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.Tables;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A group on a phone (375 px): start it from the home page, open a table in it from the group page, play two nights,
 * and see the standings and the chart of running totals (uPlot, served from the WebJar under the CSP); the home page
 * then lists the group.
 */
class GroupPageBrowserTest extends PageServer {

    private static final Duration STEP = Duration.ofSeconds(15);

    static ChromeDriver phone;

    @BeforeAll
    static void start() {
        phone = Browsers.start(375, 1600);
    }

    @AfterAll
    static void stop() {
        if (phone != null) {
            phone.quit();
        }
    }

    @Test
    void aHostStartsAGroupPlaysTwoNightsAndSeesTheStandingsAndTheChart() throws Exception {
        phone.get(server.baseUrl() + "/");
        phone.findElement(By.id("group-name")).sendKeys("Thursday crew");
        phone.findElement(By.id("open-group")).click();
        waitFor(ExpectedConditions.urlContains("/manage?token="));
        String groupUrl = phone.getCurrentUrl();
        String token = groupUrl.replaceAll(".*token=", "");
        assertThat(phone.findElement(By.id("no-nights")).isDisplayed()).isTrue();

        phone.findElement(By.id("table-name")).sendKeys("Week 1");
        phone.findElement(By.id("price")).clear();
        phone.findElement(By.id("price")).sendKeys("10");
        phone.findElement(By.id("chips")).clear();
        phone.findElement(By.id("chips")).sendKeys("100");
        phone.findElement(By.id("open-group-table")).click();
        waitFor(ExpectedConditions.urlContains("/t/"));
        TableId first = TableId.parse(phone.getCurrentUrl().replaceAll(".*/t/([^/]+)/manage.*", "$1"))
                .orElseThrow();
        assertThat(phone.findElement(By.id("table-name")).getText()).isEqualTo("Week 1");
        play(first, token, List.of("Ann", "Bob"), new long[] {2, 2}, new long[] {350, 50});

        Tables tables = server.tableSystem().tables();
        Tables.Opened second = server.tableSystem()
                .groups()
                .openTable(
                        bullion.engine.GroupId.parse(groupUrl.replaceAll(".*/g/([^/]+)/manage.*", "$1"))
                                .orElseThrow(),
                        token,
                        new Command.OpenTable("Week 2", null, java.math.BigDecimal.TEN, 100))
                .thenApply(r -> ((bullion.engine.Groups.TableInGroup.Opened) r).table())
                .toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
        assertThat(tables).isNotNull();
        play(second.id(), token, List.of("Ann", "Cara", "Bob"), new long[] {1, 1, 1}, new long[] {0, 120, 180});

        long deadline = System.nanoTime() + STEP.toNanos();
        do {
            phone.get(groupUrl);
        } while (phone.findElements(By.cssSelector("#nights li")).size() < 2 && System.nanoTime() < deadline);
        assertThat(phone.findElements(By.cssSelector("#nights li"))).hasSize(2);
        List<WebElement> rows = phone.findElements(By.cssSelector("#standings tbody tr"));
        assertThat(rows)
                .extracting(r -> r.findElement(By.tagName("th")).getText())
                .containsExactly("Ann", "Cara", "Bob");
        assertThat(rows.get(0).findElements(By.tagName("td")).get(1).getText()).isEqualTo("+$5.00");
        assertThat(rows.get(2).findElements(By.tagName("td")).get(1).getText()).isEqualTo("\u2212$7.00");

        waitFor(ExpectedConditions.attributeToBe(By.id("chart"), "data-drawn", "true"));
        WebElement canvas = phone.findElement(By.cssSelector("#chart canvas"));
        assertThat(canvas.getSize().getWidth()).isBetween(200, 375);
        assertThat(phone.findElements(By.cssSelector("#chart .u-legend .u-series")))
                .hasSize(4);
        Object pageWidth = phone.executeScript("return document.documentElement.scrollWidth");
        assertThat(((Number) pageWidth).intValue())
                .as("nothing wider than the phone")
                .isLessThanOrEqualTo(375);
        Browsers.screenshot(phone, "group-375");
        assertThat(Browsers.console(phone))
                .as("no script errors and no CSP violations")
                .noneMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue());

        phone.get(server.baseUrl() + "/");
        assertThat(phone.findElement(By.cssSelector("#my-groups li a")).getText())
                .isEqualTo("Thursday crew");
    }

    /** A night through the facade, every change made with the group's token. */
    private static void play(TableId table, String token, List<String> names, long[] buyIns, long[] chips) {
        Tables tables = server.tableSystem().tables();
        for (int i = 0; i < names.size(); i++) {
            done(tables.addPlayer(table, token, names.get(i), Optional.empty()));
            done(tables.buyIn(table, token, i + 1, buyIns[i], Optional.empty()));
        }
        for (int i = 0; i < names.size(); i++) {
            if (chips[i] > 0) {
                done(tables.cashOut(table, token, i + 1, chips[i], Optional.empty()));
            }
        }
        done(tables.close(table, token, Optional.empty()));
    }

    private static void done(java.util.concurrent.CompletionStage<Outcome> stage) {
        try {
            assertThat(stage.toCompletableFuture().get(20, TimeUnit.SECONDS)).isInstanceOf(Outcome.Done.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T> void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        new WebDriverWait(phone, STEP).until(condition);
    }
}

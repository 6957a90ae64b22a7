package bullion.web.pages;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;

/** Headless Debian chromium driven by its own chromedriver; Selenium Manager is never asked to download anything. */
final class Browsers {

    private Browsers() {}

    /** A fresh browser with its own profile; {@code width} 375 is a phone held in one hand. */
    static ChromeDriver start(int width, int height) {
        return start(width, height, List.of());
    }

    /** A browser whose pages run no script at all, as a phone with JavaScript turned off; the driver still works. */
    static ChromeDriver startWithoutScript(int width, int height) {
        return start(width, height, List.of("--blink-settings=scriptEnabled=false"));
    }

    private static ChromeDriver start(int width, int height, List<String> extraArguments) {
        requireChromium();
        try {
            Path profile = Files.createTempDirectory("chromium-profile-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--window-size=" + width + "," + height,
                    "--user-data-dir=" + profile);
            options.addArguments(extraArguments);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .withTimeout(Duration.ofSeconds(30))
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(15));
            // Headless chromium will not make a window narrower than 500 px; a phone's viewport is emulated instead.
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 500));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CI always installs Debian's chromium and chromedriver (.ci/run does); on a developer's machine without them
     * the browser tests are skipped rather than failed.
     */
    private static void requireChromium() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/chromium"))
                && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must have /usr/bin/chromium and /usr/bin/chromedriver");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(
                present, "no /usr/bin/chromium or /usr/bin/chromedriver: apt-get install chromium chromium-driver");
    }

    /** Saves what the browser shows to target/screenshots/{name}.png, to be looked at. */
    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's WCAG 2.1 A and AA rules on what the browser shows: nothing serious or critical. */
    static void assertAccessible(ChromeDriver driver, String where) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        bad.forEach(v -> System.out.println("axe " + where + ": " + v.getId() + " " + v.getHelp() + " "
                + v.getNodes().stream().map(n -> n.getTarget().toString()).toList()));
        org.assertj.core.api.Assertions.assertThat(bad)
                .as("axe-core findings on " + where)
                .isEmpty();
    }

    /**
     * The page screen by screen, as a reader scrolls it: target/screenshots/{name}-1.png, -2, … (at most {@code max}).
     */
    static void screens(ChromeDriver driver, String name, int max) {
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight;")).longValue();
        long screen = ((Number) driver.executeScript("return window.innerHeight;")).longValue();
        for (int i = 0; i < max && i * screen < height; i++) {
            driver.executeScript("window.scrollTo(0, arguments[0]);", i * screen);
            screenshot(driver, name + "-" + (i + 1));
        }
        driver.executeScript("window.scrollTo(0, 0);");
    }

    /** Opens player {@code id}'s row, as a host taps it, so that its actions can be used. */
    static void openPlayer(WebDriver driver, int id) {
        if (driver.findElement(By.id("player-" + id)).getDomAttribute("open") == null) {
            driver.findElement(By.id("row-" + id)).click();
        }
    }

    /** An element's text whether or not this width shows it: a phone's row hides the columns a desktop shows. */
    static String text(WebDriver driver, By by) {
        try {
            return driver.findElement(by).getDomProperty("textContent").strip();
        } catch (WebDriverException e) {
            // Found in one document and read in the next (a form posted without JavaScript loads a new page): Chromium
            // answers that the node "does not belong to the document" instead of calling it stale, which every wait
            // here already waits out.
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                throw new StaleElementReferenceException("the page changed while its text was read", e);
            }
            throw e;
        }
    }

    static ExpectedCondition<Boolean> textIs(By by, String text) {
        return driver -> text.equals(text(driver, by));
    }

    /**
     * The element's class names include {@code name}. Waited for, not read at once: for 20 ms after a swap htmx leaves
     * the old element's class on the new one (its "settle", for CSS transitions), while the new text already shows.
     * An element swapped away while it was read is not yet the one waited for.
     */
    static ExpectedCondition<Boolean> hasClass(By by, String name) {
        return driver -> {
            try {
                String classes = driver.findElement(by).getDomAttribute("class");
                return classes != null && List.of(classes.split("\\s+")).contains(name);
            } catch (StaleElementReferenceException e) {
                return false;
            }
        };
    }

    /** The browser's console entries since the last call: CSP violations and failed loads show up here. */
    static List<LogEntry> console(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }
}

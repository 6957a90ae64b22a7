package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.core.CommandDecider;
import bullion.engine.Decide;
import bullion.engine.EngineSettings;
import bullion.engine.TableSystem;
import bullion.engine.persistence.DatabaseSettings;
import bullion.web.WebServer;
import bullion.web.WebSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change its table does not answer in time is a busy page (503 with Retry-After), never a 500; the table's views
 * meanwhile show it as last recorded.
 */
class BusyTablePagesTest {

    @TempDir
    Path dataDir;

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Test
    void aFormWhoseTableDoesNotAnswerInTimeGetsTheBusyPage() throws Exception {
        try (TableSystem system = startWithSlowBuyIns();
                WebServer web =
                        WebServer.start(system.tables(), WebSettings.defaults().withPort(0))) {
            try {
                Http http = new Http("http://127.0.0.1:" + web.port());
                Http.Managed table = openOnceWarm(http);
                http.change(table, "/players", Map.of("name", "Ann"));

                HttpResponse<String> timedOut = http.change(table, "/players/1/buy-ins", Map.of("requestId", "form-1"));

                assertBusy(timedOut);
                assertThat(timedOut.headers().firstValue("Retry-After")).hasValue("1");
                release.countDown();
                // Reloading the busy page sends the same form, request id and all: recorded once, however often.
                assertThat(http.change(table, "/players/1/buy-ins", Map.of("requestId", "form-1"))
                                .statusCode())
                        .isEqualTo(303);
                assertThat(http.change(table, "/players/1/buy-ins", Map.of("requestId", "form-1"))
                                .statusCode())
                        .isEqualTo(303);
                assertThat(http.get("/t/" + table.id() + "/ledger.csv")
                                .body()
                                .lines()
                                .filter(l -> l.contains(",buy-in,")))
                        .as("the ledger's buy-ins")
                        .hasSize(1);
            } finally {
                release.countDown(); // before the system closes, so the hung table can stop
            }
        }
    }

    @Test
    void aTableStuckInAChangeIsStillShownAsItWasAndOnlyTheChangeIsBusy() throws Exception {
        try (TableSystem system = startWithSlowBuyIns();
                WebServer web =
                        WebServer.start(system.tables(), WebSettings.defaults().withPort(0))) {
            try {
                Http http = new Http("http://127.0.0.1:" + web.port());
                Http.Managed table = openOnceWarm(http);
                http.change(table, "/players", Map.of("name", "Ann"));
                CompletableFuture<HttpResponse<String>> hanging =
                        CompletableFuture.supplyAsync(() -> http.change(table, "/players/1/buy-ins", Map.of()));
                assertThat(entered.await(10, TimeUnit.SECONDS))
                        .as("the buy-in reached the table")
                        .isTrue();

                // The table is stuck in the buy-in; its views are answered from what it last showed (LiveTables),
                // so the phones watching it still see the table as recorded, and a new one can open its page.
                HttpResponse<String> page = http.get("/t/" + table.id());
                HttpResponse<String> board = http.get("/t/" + table.id() + "/fragment");

                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("Ann").doesNotContain("id=\"entry-1\"");
                assertThat(board.statusCode()).isEqualTo(200);
                assertThat(board.headers().firstValue("Bullion-Version")).hasValue("2");
                assertBusy(hanging.get(10, TimeUnit.SECONDS));
            } finally {
                release.countDown();
            }
        }
    }

    private static void assertBusy(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body())
                .contains("Bullion is busy")
                .contains("Nothing was recorded")
                .contains("did not answer in time")
                .contains("reload this page");
    }

    /** Buy-ins hang inside the table until released, so the facade's 2-second ask times out. */
    private TableSystem startWithSlowBuyIns() {
        Decide slowBuyIns = (table, command, now) -> {
            if (command instanceof Command.BuyIn) {
                entered.countDown();
                awaitQuietly(release);
            }
            return CommandDecider.decide(table, command, now);
        };
        return TableSystem.start(
                EngineSettings.singleNode(DatabaseSettings.h2File(dataDir)).withAskTimeout(Duration.ofSeconds(2)),
                slowBuyIns);
    }

    /** The first ask of a fresh node also waits for the cluster and sharding to start, which may take longer. */
    private static Http.Managed openOnceWarm(Http http) {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.openTable("Slow", "20", "100", "USD");
            } catch (AssertionError busy) {
                if (attempt == 5) {
                    throw busy;
                }
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.core.CommandDecider;
import bullion.engine.Decide;
import bullion.engine.EngineSettings;
import bullion.engine.TableSystem;
import bullion.engine.persistence.DatabaseSettings;
import bullion.web.TestServer;
import bullion.web.WebServer;
import bullion.web.WebSettings;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the server cannot answer now: a client over its rate limit (429), a table that does not answer in time (503). */
class OverloadApiTest {

    @TempDir
    Path dataDir;

    @Test
    void aClientOverItsRateLimitGets429AsAProblemWithRetryAfter() {
        try (TestServer server = TestServer.start(
                DatabaseSettings.h2File(dataDir),
                WebSettings.defaults().withPort(0).withRequestsPerMinute(3))) {
            ApiClient api = new ApiClient(server.baseUrl());
            for (int i = 0; i < 3; i++) {
                assertThat(api.get("/api/tables/EEEEEEEEEEEEEEEEEEEEEE").status())
                        .isEqualTo(404);
            }

            ApiClient.Response limited = api.get("/api/tables/EEEEEEEEEEEEEEEEEEEEEE");

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.contentType()).startsWith("application/problem+json");
            assertThat(limited.header("Retry-After")).isPresent();
        }
    }

    @Test
    void tablesOpenedByAllClientsTogetherAreCappedBesideEachClientsOwnLimit() throws Exception {
        WebSettings settings = WebSettings.defaults()
                .withPort(0)
                .withLimits(WebSettings.defaults().limits().withTableOpensPerMinute(2));
        try (TestServer server = TestServer.start(DatabaseSettings.h2File(dataDir), settings)) {
            ApiClient one = new ApiClient(server.baseUrl());
            ApiClient another = new ApiClient(server.baseUrl(), InetAddress.getByName("127.0.0.2"));
            openOnceWarm(one);
            openOnceWarm(another);

            ApiClient.Response third =
                    another.post("/api/tables", "{\"name\":\"Third\",\"buyIn\":\"20\",\"chipsPerBuyIn\":100}");

            assertThat(third.status()).isEqualTo(429);
            assertThat(third.header("Retry-After")).isPresent();
            assertThat(third.detail()).startsWith("Too many tables are being opened just now");
        }
    }

    @Test
    void aClientMayHoldOnlySoManyLiveStreams() throws Exception {
        WebSettings settings = WebSettings.defaults()
                .withPort(0)
                .withLimits(WebSettings.defaults().limits().withConnections(1_000, 100, 1, Duration.ofSeconds(10)));
        try (TestServer server = TestServer.start(DatabaseSettings.h2File(dataDir), settings)) {
            ApiClient api = new ApiClient(server.baseUrl());
            ApiClient.Opened table = openOnceWarm(api);
            HttpResponse<InputStream> first = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.baseUrl() + table.path() + "/events"))
                                    .header("Accept", "text/event-stream")
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream open = first.body()) {
                assertThat(first.statusCode()).isEqualTo(200);

                ApiClient.Response second = api.get(table.path() + "/events", "Accept", "text/event-stream");

                assertThat(second.status()).isEqualTo(429);
                assertThat(second.detail()).contains("already has 1 live streams open");
            }
        }
    }

    @Test
    void aTableThatDoesNotAnswerInTimeIs503NotRecordedAndARetryWithTheSameKeyRecordsItOnce() {
        CountDownLatch release = new CountDownLatch(1);
        // Buy-ins hang inside the table until released, so the facade's short ask times out.
        Decide slowBuyIns = (table, command, now) -> {
            if (command instanceof Command.BuyIn) {
                awaitQuietly(release);
            }
            return CommandDecider.decide(table, command, now);
        };
        EngineSettings settings =
                EngineSettings.singleNode(DatabaseSettings.h2File(dataDir)).withAskTimeout(Duration.ofSeconds(2));
        try (TableSystem system = TableSystem.start(settings, slowBuyIns);
                WebServer web =
                        WebServer.start(system.tables(), WebSettings.defaults().withPort(0))) {
            try {
                ApiClient api = new ApiClient("http://127.0.0.1:" + web.port());
                ApiClient.Opened table = openOnceWarm(api);
                int ann = api.addPlayer(table, "Ann");

                ApiClient.Response timedOut = api.change(
                        table, "/players/" + ann + "/buy-ins", "{\"count\":1}", "Idempotency-Key", "retry-me");

                assertThat(timedOut.status()).isEqualTo(503);
                assertThat(timedOut.header("Retry-After")).hasValue("1");
                assertThat(timedOut.detail())
                        .isEqualTo("Not recorded: the table did not answer in time. Retry with the same "
                                + "Idempotency-Key; a change is recorded at most once.");
                release.countDown();
                // The hung buy-in finishes deciding past its deadline and is dropped; the retry is what records it,
                // once.
                ApiClient.Response retried = api.change(
                        table, "/players/" + ann + "/buy-ins", "{\"count\":1}", "Idempotency-Key", "retry-me");
                assertThat(retried.status()).as(retried.body()).isEqualTo(201);
                assertThat(api.change(
                                        table,
                                        "/players/" + ann + "/buy-ins",
                                        "{\"count\":1}",
                                        "Idempotency-Key",
                                        "retry-me")
                                .json()
                                .get("seq"))
                        .isEqualTo(retried.json().get("seq"));
                assertThat(api.get(table.path() + "/ledger").json().get("entries"))
                        .hasSize(1);
            } finally {
                release.countDown(); // before the system closes, so the hung table can stop
            }
        }
    }

    /** The first ask of a fresh node also waits for the cluster and sharding to start, which may take longer. */
    private static ApiClient.Opened openOnceWarm(ApiClient api) {
        for (int attempt = 1; ; attempt++) {
            ApiClient.Response created =
                    api.post("/api/tables", "{\"name\":\"Slow\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100}");
            if (created.status() == 201 || attempt == 5) {
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                return new ApiClient.Opened(
                        created.json().get("id").asText(),
                        created.json().get("manageToken").asText());
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

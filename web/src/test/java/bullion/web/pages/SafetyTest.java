package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.persistence.DatabaseSettings;
import bullion.web.TestServer;
import bullion.web.WebSettings;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The safety rules of the issue, proven against the running server. */
class SafetyTest {

    @TempDir
    Path data;

    @Test
    void everyPageCarriesAStrictContentSecurityPolicyAndNoReferrer() {
        try (TestServer server = TestServer.start(data)) {
            Http http = new Http(server.baseUrl());
            Http.Managed table = http.openTable("Headers", "20", "200", "USD");
            for (String path :
                    new String[] {"/", table.managePath(), "/t/" + table.id(), "/t/AAAAAAAAAAAAAAAAAAAAAA"}) {
                HttpResponse<String> response = http.get(path);
                String csp =
                        response.headers().firstValue("Content-Security-Policy").orElse("");
                assertThat(csp)
                        .as(path)
                        .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline")
                        .doesNotContain("unsafe-eval");
                assertThat(response.headers().firstValue("X-Content-Type-Options"))
                        .as(path)
                        .hasValue("nosniff");
                assertThat(response.headers().firstValue("Referrer-Policy"))
                        .as(path)
                        .hasValue("no-referrer");
                // No inline script or style for the CSP to have to allow.
                assertThat(response.body())
                        .as(path)
                        .doesNotContainPattern("<script>|<script [^>]*>[^<]|<style|style=\"|\\son[a-z]+=\"");
            }
        }
    }

    @Test
    void aCrossSiteFormPostIsRefusedAndChangesNothing() {
        try (TestServer server = TestServer.start(data)) {
            Http http = new Http(server.baseUrl());
            Http.Managed table = http.openTable("CSRF", "20", "200", "USD");
            String path = "/t/" + table.id() + "/players";
            Map<String, String> form = Map.of("token", table.token(), "name", "Mallory");
            HttpResponse<String> fromOrigin = http.post(path, form, "Origin", "https://evil.example");
            HttpResponse<String> fromSite = http.post(path, form, "Sec-Fetch-Site", "cross-site");
            assertThat(fromOrigin.statusCode()).isEqualTo(403);
            assertThat(fromSite.statusCode()).isEqualTo(403);
            assertThat(fromOrigin.body()).contains("Not allowed from here").doesNotContain("Exception");
            assertThat(http.post(path, form, "Origin", server.baseUrl(), "Sec-Fetch-Site", "same-origin")
                            .statusCode())
                    .isEqualTo(303);
            assertThat(http.get(table.managePath()).body()).containsOnlyOnce("class=\"player-name\">Mallory<");
        }
    }

    @Test
    void aRequestBodyOverTheLimitIsRefusedWith413() {
        try (TestServer server = TestServer.start(data)) {
            Http http = new Http(server.baseUrl());
            Http.Managed table = http.openTable("Big", "20", "200", "USD");
            HttpResponse<String> response = http.change(table, "/players", Map.of("name", "x".repeat(100_000)));
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("That was too much to send");
        }
    }

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfter() {
        WebSettings limited = WebSettings.defaults().withPort(0).withRequestsPerMinute(5);
        try (TestServer server = TestServer.start(DatabaseSettings.h2File(data), limited)) {
            Http http = new Http(server.baseUrl());
            for (int i = 0; i < 5; i++) {
                assertThat(http.get("/").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> refused = http.get("/");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
            assertThat(refused.body()).contains("Too many requests");
        }
    }

    @Test
    void theManageTokenNeverAppearsInTheLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.INFO);
        try (TestServer server = TestServer.start(data)) {
            Http http = new Http(server.baseUrl());
            Http.Managed table = http.openTable("Logs", "20", "200", "USD");
            http.get(table.managePath());
            http.change(table, "/players", Map.of("name", "Dana"));
            http.change(table, "/players/1/cash-outs", Map.of("chips", "9"));
            http.change(table, "/players/9/buy-ins", Map.of());
            http.get("/t/" + table.id() + "/fragment?token=" + table.token());
            http.get("/t/" + table.id() + "/manage?token=" + table.token() + "x");
            http.post(
                    "/t/" + table.id() + "/players",
                    Map.of("token", table.token(), "name", "M"),
                    "Origin",
                    "https://evil.example");

            assertThat(logs.list).as("the test saw the server's logs").isNotEmpty();
            assertThat(logs.list)
                    .noneMatch(e -> e.getFormattedMessage().contains(table.token())
                            || (e.getThrowableProxy() != null
                                    && String.valueOf(e.getThrowableProxy().getMessage())
                                            .contains(table.token())));
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
        }
    }
}

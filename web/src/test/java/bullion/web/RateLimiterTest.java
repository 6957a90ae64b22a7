package bullion.web;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.persistence.DatabaseSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimiterTest {

    @TempDir
    Path data;

    final AtomicLong now = new AtomicLong();

    @Test
    void aClientOverItsLimitIsToldHowLongToWaitAndAnotherClientIsNot() {
        RateLimiter limiter = new RateLimiter(3, 3, 100, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryTake("192.0.2.1")).isEmpty();
        }
        assertThat(limiter.tryTake("192.0.2.1").orElseThrow()).isPositive();
        assertThat(limiter.tryTake("192.0.2.2")).isEmpty();
    }

    @Test
    void aClientIdleForAMinuteIsForgotten() {
        RateLimiter limiter = new RateLimiter(3, 3, 100, now::get);
        limiter.tryTake("192.0.2.1");
        limiter.tryTake("192.0.2.2");
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        limiter.tryTake("192.0.2.2");
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        limiter.tryTake("192.0.2.3");
        assertThat(limiter.clientsRemembered())
                .as("192.0.2.1 went, 192.0.2.2 and .3 stay")
                .isEqualTo(2);
    }

    @Test
    void noMoreThanTheMaximumNumberOfClientsIsRemembered() {
        RateLimiter limiter = new RateLimiter(3, 3, 100, now::get);
        for (int i = 0; i < 1_000; i++) {
            limiter.tryTake("10.0." + i / 256 + "." + i % 256);
        }
        assertThat(limiter.clientsRemembered()).isEqualTo(100);
    }

    @Test
    void behindATrustedProxyTheLastForwardedAddressIsTheClient() throws Exception {
        WebSettings settings =
                WebSettings.defaults().withPort(0).withRequestsPerMinute(3).withTrustProxy(true);
        try (TestServer server = TestServer.start(DatabaseSettings.h2File(data), settings)) {
            for (int i = 0; i < 3; i++) {
                assertThat(get(server, "X-Forwarded-For", "203.0.113.7").statusCode())
                        .isEqualTo(200);
            }
            // What the client claims comes first; the proxy appends the address it saw.
            HttpResponse<String> refused = get(server, "X-Forwarded-For", "198.51.100.1, 203.0.113.7");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
            assertThat(get(server, "X-Forwarded-For", "203.0.113.7, 203.0.113.8")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void withoutATrustedProxyAForwardedForHeaderDoesNotEscapeTheLimit() throws Exception {
        WebSettings settings = WebSettings.defaults().withPort(0).withRequestsPerMinute(3);
        try (TestServer server = TestServer.start(DatabaseSettings.h2File(data), settings)) {
            for (int i = 0; i < 3; i++) {
                assertThat(get(server, "X-Forwarded-For", "203.0.113." + i).statusCode())
                        .isEqualTo(200);
            }
            assertThat(get(server, "X-Forwarded-For", "203.0.113.99").statusCode())
                    .isEqualTo(429);
        }
    }

    private static HttpResponse<String> get(TestServer server, String... headers) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/"))
                .headers(headers)
                .timeout(Duration.ofSeconds(10))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}

package bullion.web;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the web server runs: where it listens, how much one client (and all together) may ask and hold, how often
 * live connections are kept alive, and what it may believe when it sits behind a reverse proxy.
 *
 * @param publicUrl the origin people reach Bullion at (e.g. {@code https://bullion.example}) when that differs
 *     from what the server sees, as behind a proxy that rewrites Host: share links and QR codes use it, and
 *     the CSRF check expects it as a change's Origin. Empty: the request's own scheme and host.
 * @param trustProxy whether the last X-Forwarded-For address is the client (true only behind a proxy that
 *     sets it; otherwise any client could name itself and escape its rate limit).
 */
public record WebSettings(
        String host,
        int port,
        Limits limits,
        long maxBodyBytes,
        Duration keepAlive,
        Optional<String> publicUrl,
        boolean trustProxy) {

    /**
     * What one client, and all clients together, may hold and ask. A client is a {@link ClientAddress}; behind a
     * trusted proxy every connection comes from the proxy, so connections are then capped only in total.
     *
     * @param requestBurst requests a client may make at once; its allowance refills at {@code requestsPerMinute}
     * @param tableOpensPerMinute tables all clients together may open in a minute (as many at once), beside each
     *     client's own request limit
     * @param maxConnections open connections in all; beyond it Jetty stops accepting until one closes
     * @param maxConnectionsPerClient open connections from one client; a further one is closed at once
     * @param liveStreamsPerClient live streams (Server-Sent Events) one client may hold open; a further one is 429
     * @param requestDeadline how long a request's head and body may take to arrive, from its first byte, however
     *     often bytes trickle in (the idle timeout restarts with every byte; this does not)
     */
    public record Limits(
            int requestBurst,
            int requestsPerMinute,
            int tableOpensPerMinute,
            int maxConnections,
            int maxConnectionsPerClient,
            int liveStreamsPerClient,
            Duration requestDeadline) {

        public Limits {
            if (Math.min(Math.min(requestBurst, requestsPerMinute), Math.min(tableOpensPerMinute, maxConnections)) < 1
                    || Math.min(maxConnectionsPerClient, liveStreamsPerClient) < 1
                    || !requestDeadline.isPositive()) {
                throw new IllegalArgumentException("every web limit must be positive: " + this);
            }
        }

        public Limits withRequests(int burst, int perMinute) {
            return new Limits(
                    burst,
                    perMinute,
                    tableOpensPerMinute,
                    maxConnections,
                    maxConnectionsPerClient,
                    liveStreamsPerClient,
                    requestDeadline);
        }

        public Limits withTableOpensPerMinute(int opens) {
            return new Limits(
                    requestBurst,
                    requestsPerMinute,
                    opens,
                    maxConnections,
                    maxConnectionsPerClient,
                    liveStreamsPerClient,
                    requestDeadline);
        }

        public Limits withConnections(int total, int perClient, int streamsPerClient, Duration deadline) {
            return new Limits(
                    requestBurst, requestsPerMinute, tableOpensPerMinute, total, perClient, streamsPerClient, deadline);
        }
    }

    public WebSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(keepAlive, "keepAlive");
        publicUrl = publicUrl.map(WebSettings::origin);
    }

    /**
     * 127.0.0.1:8080; per client a burst of 600 requests refilled at 10 a second, 100 connections and 32 live
     * streams; 120 tables opened a minute and 1,000 connections in all; 10 s to send a request; 64 KiB bodies; a
     * keep-alive every 20 s; no proxy. A poker night behind one home router is one client with a dozen phones.
     */
    public static WebSettings defaults() {
        return new WebSettings(
                "127.0.0.1",
                8080,
                new Limits(600, 600, 120, 1_000, 100, 32, Duration.ofSeconds(10)),
                64 * 1024,
                Duration.ofSeconds(20),
                Optional.empty(),
                false);
    }

    public WebSettings withPort(int newPort) {
        return new WebSettings(host, newPort, limits, maxBodyBytes, keepAlive, publicUrl, trustProxy);
    }

    public WebSettings withHost(String newHost) {
        return new WebSettings(newHost, port, limits, maxBodyBytes, keepAlive, publicUrl, trustProxy);
    }

    public WebSettings withLimits(Limits newLimits) {
        return new WebSettings(host, port, newLimits, maxBodyBytes, keepAlive, publicUrl, trustProxy);
    }

    /** A burst of {@code limit} requests per client, refilled over a minute. */
    public WebSettings withRequestsPerMinute(int limit) {
        return withLimits(limits.withRequests(limit, limit));
    }

    /** @throws IllegalArgumentException unless {@code url} is an http(s) origin, optionally with a trailing "/". */
    public WebSettings withPublicUrl(String url) {
        return new WebSettings(host, port, limits, maxBodyBytes, keepAlive, Optional.of(url), trustProxy);
    }

    public WebSettings withTrustProxy(boolean trust) {
        return new WebSettings(host, port, limits, maxBodyBytes, keepAlive, publicUrl, trust);
    }

    // Browsers send Origin as scheme://host[:port] in lower case, so that is the form to compare with.
    private static String origin(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("the public URL is not a URL: \"" + url + "\"", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || !(path.isEmpty() || path.equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "the public URL must be an http(s) origin like https://bullion.example, not \"" + url + "\"");
        }
        return normalized(uri);
    }

    /** An http(s) URI's origin as browsers send it: lower case, without the scheme's default port. */
    static String normalized(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = scheme.equals("https") ? 443 : 80;
        String port = uri.getPort() == -1 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port;
    }
}

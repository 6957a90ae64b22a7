package bullion.web;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the web server runs: where it listens, how much one client may ask, how often live connections are
 * kept alive, and what it may believe when it sits behind a reverse proxy.
 *
 * @param publicUrl the origin people reach Bullion at (e.g. {@code https://bullion.example}) when that differs
 *     from what the server sees, as behind a proxy that rewrites Host: share links and QR codes use it, and
 *     the CSRF check expects it as a change's Origin. Empty: the request's own scheme and host.
 * @param trustProxy whether the last X-Forwarded-For address is the client (true only behind a proxy that
 *     sets it; otherwise any client could name itself and escape its rate limit).
 */
public record WebSettings(String host, int port, int requestsPerMinute, long maxBodyBytes, Duration keepAlive,
    Optional<String> publicUrl, boolean trustProxy) {

  public WebSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(keepAlive, "keepAlive");
    publicUrl = publicUrl.map(WebSettings::origin);
  }

  /** 127.0.0.1:8080, 600 requests a minute per client, 64 KiB bodies, a keep-alive every 20 s, no proxy. */
  public static WebSettings defaults() {
    return new WebSettings("127.0.0.1", 8080, 600, 64 * 1024, Duration.ofSeconds(20), Optional.empty(), false);
  }

  public WebSettings withPort(int newPort) {
    return new WebSettings(host, newPort, requestsPerMinute, maxBodyBytes, keepAlive, publicUrl, trustProxy);
  }

  public WebSettings withHost(String newHost) {
    return new WebSettings(newHost, port, requestsPerMinute, maxBodyBytes, keepAlive, publicUrl, trustProxy);
  }

  public WebSettings withRequestsPerMinute(int limit) {
    return new WebSettings(host, port, limit, maxBodyBytes, keepAlive, publicUrl, trustProxy);
  }

  /** @throws IllegalArgumentException unless {@code url} is an http(s) origin, optionally with a trailing "/". */
  public WebSettings withPublicUrl(String url) {
    return new WebSettings(host, port, requestsPerMinute, maxBodyBytes, keepAlive, Optional.of(url), trustProxy);
  }

  public WebSettings withTrustProxy(boolean trust) {
    return new WebSettings(host, port, requestsPerMinute, maxBodyBytes, keepAlive, publicUrl, trust);
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
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
        || !(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
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

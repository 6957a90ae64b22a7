package bullion.web;

import java.time.Duration;

/**
 * How the web server runs: where it listens, how much one client may ask, and how often live connections
 * are kept alive.
 */
public record WebSettings(String host, int port, int requestsPerMinute, long maxBodyBytes, Duration keepAlive) {

  /** 127.0.0.1:8080, 600 requests a minute per client, 64 KiB bodies, a keep-alive every 20 s. */
  public static WebSettings defaults() {
    return new WebSettings("127.0.0.1", 8080, 600, 64 * 1024, Duration.ofSeconds(20));
  }

  public WebSettings withPort(int newPort) {
    return new WebSettings(host, newPort, requestsPerMinute, maxBodyBytes, keepAlive);
  }

  public WebSettings withHost(String newHost) {
    return new WebSettings(newHost, port, requestsPerMinute, maxBodyBytes, keepAlive);
  }

  public WebSettings withRequestsPerMinute(int limit) {
    return new WebSettings(host, port, limit, maxBodyBytes, keepAlive);
  }
}

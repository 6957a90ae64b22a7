package bullion.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client token buckets (Bucket4j), keyed by remote address: a client over its limit gets 429 with
 * Retry-After. Buckets of clients idle for an hour are forgotten so the map cannot grow without bound.
 */
final class RateLimiter {

  private record Entry(Bucket bucket, long lastSeenNanos) {}

  private final int requestsPerMinute;
  private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

  RateLimiter(int requestsPerMinute) {
    this.requestsPerMinute = requestsPerMinute;
  }

  void check(Context ctx) {
    long now = System.nanoTime();
    Entry entry = buckets.compute(ctx.ip(), (ip, old) -> new Entry(old == null ? newBucket() : old.bucket(), now));
    ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
      ctx.header("Retry-After", String.valueOf(seconds));
      throw new HttpResponseException(HttpStatus.TOO_MANY_REQUESTS.getCode(),
          "Too many requests; try again in " + seconds + " s.");
    }
    if (buckets.size() > 10_000) {
      long hourAgo = now - Duration.ofHours(1).toNanos();
      buckets.values().removeIf(e -> e.lastSeenNanos() < hourAgo);
    }
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(requestsPerMinute).refillGreedy(requestsPerMinute, Duration.ofMinutes(1)).build())
        .build();
  }
}

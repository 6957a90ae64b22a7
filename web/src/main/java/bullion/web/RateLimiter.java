package bullion.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Per-client token buckets (Bucket4j): a client over its limit gets 429 with Retry-After. A client is its
 * {@link ClientAddress} (an IPv6 client is its /64; behind a trusted proxy, the last X-Forwarded-For entry).
 *
 * <p>A bucket idle for as long as it takes to refill completely (at least a minute) is as good as a new one and is
 * forgotten; and at most {@code maxClients} are remembered, least recently seen dropped first, so a flood of
 * addresses costs bounded memory. Both happen as requests arrive, a constant amount of work each.
 */
final class RateLimiter {

    /** A client's bucket and when it was last seen; changed only under the map's lock. */
    private static final class Entry {
        final Bucket bucket;
        long lastSeenNanos;

        Entry(Bucket bucket, long lastSeenNanos) {
            this.bucket = bucket;
            this.lastSeenNanos = lastSeenNanos;
        }
    }

    private final int burst;
    private final int perMinute;
    private final long fullAfterNanos;
    private final int maxClients;
    private final LongSupplier nanoTime;
    // Access order: iteration starts at the client seen least recently. Guarded by itself.
    private final LinkedHashMap<String, Entry> buckets = new LinkedHashMap<>(16, 0.75f, true);

    RateLimiter(int burst, int perMinute) {
        this(burst, perMinute, 10_000, System::nanoTime);
    }

    RateLimiter(int burst, int perMinute, int maxClients, LongSupplier nanoTime) {
        this.burst = burst;
        this.perMinute = perMinute;
        this.fullAfterNanos =
                Math.max(Duration.ofMinutes(1).toNanos(), Duration.ofMinutes(1).toNanos() / perMinute * burst);
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
    }

    void check(Context ctx) {
        OptionalLong wait = tryTake(ClientAddress.of(ctx));
        if (wait.isPresent()) {
            ctx.header("Retry-After", String.valueOf(wait.getAsLong()));
            throw new HttpResponseException(
                    HttpStatus.TOO_MANY_REQUESTS.getCode(),
                    "Too many requests; try again in " + wait.getAsLong() + " s.");
        }
    }

    /** Empty if {@code client} may go ahead, else how many seconds it should wait. */
    OptionalLong tryTake(String client) {
        Bucket bucket = bucketOf(client);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(
                Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
    }

    int clientsRemembered() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private Bucket bucketOf(String client) {
        long now = nanoTime.getAsLong();
        synchronized (buckets) {
            // In access order, get() already moves a known client to the end: one lookup and nothing new per request.
            Entry entry = buckets.get(client);
            if (entry == null) {
                entry = new Entry(newBucket(), now);
                buckets.put(client, entry);
            } else {
                entry.lastSeenNanos = now;
            }
            forgetIdleOrExcess(now);
            return entry.bucket;
        }
    }

    // Each entry is removed at most once, so this is constant work per request on average.
    private void forgetIdleOrExcess(long now) {
        Iterator<Map.Entry<String, Entry>> leastRecent = buckets.entrySet().iterator();
        while (leastRecent.hasNext()) {
            Entry eldest = leastRecent.next().getValue();
            if (buckets.size() <= maxClients && now - eldest.lastSeenNanos < fullAfterNanos) {
                return;
            }
            leastRecent.remove();
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(burst)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }
}

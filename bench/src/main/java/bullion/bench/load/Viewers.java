package bullion.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code viewers} live viewers on one table's event stream (GET /api/tables/{id}/events), then {@code changes}
 * buy-ins one after another. For each change: "change ack" is the buy-in's own answer, "to each viewer" is
 * from sending the buy-in to a viewer reading the `changed` event of that version, "to all viewers" is until
 * the last viewer has read it. The next change waits for all viewers (or 10 s), so events never coalesce.
 * Unmeasured changes first, until one has reached every viewer: that proves every viewer is listening (a stream's
 * headers can arrive just before the server has registered it, and that viewer misses the first change).
 */
public final class Viewers {

    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    private Viewers() {}

    /** What the readers share: when each version was sent and who is still to see it. */
    private record Changes(Map<Long, Long> sentAt, Map<Long, CountDownLatch> waiting, AtomicLong measuredFrom) {}

    /** Unmeasured changes sent at most, until one reaches every viewer. */
    private static final int WARM_UP_CHANGES = 5;

    /** The figures, and the CPU both processes used in the measured phase (its changes and their fan-out only). */
    public record Measured(Stats stats, CpuTime cpu) {}

    public static Measured run(Api api, int viewers, int changes, double seconds, Optional<ProcessHandle> server)
            throws IOException, InterruptedException {
        Night night = Night.open(api, "Live", 4, 8, new SplittableRandom(5));
        long version = api.view(night.id).json().get("version").asLong();
        Changes shared =
                new Changes(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new AtomicLong(Long.MAX_VALUE));
        Stats stats = new Stats();
        CpuTime cpu = CpuTime.start(server);
        List<EventStream> streams = new ArrayList<>();
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CountDownLatch connected = new CountDownLatch(viewers);
            for (int v = 0; v < viewers; v++) {
                readers.submit(() -> {
                    boolean counted = false;
                    try {
                        EventStream stream = api.events(night.id);
                        synchronized (streams) {
                            streams.add(stream);
                        }
                        if (stream.status() != 200) {
                            stats.fail("connect", String.valueOf(stream.status()));
                            return null;
                        }
                        connected.countDown();
                        counted = true;
                        read(stream.body(), shared, stats);
                    } finally {
                        if (!counted) {
                            connected.countDown();
                        }
                    }
                    return null;
                });
            }
            if (!connected.await(30, TimeUnit.SECONDS)) {
                stats.fail("connect", "timeout");
            }
            // Unmeasured changes until every viewer has heard one (at most WARM_UP_CHANGES, 2 s each): a viewer whose
            // stream had its headers but was not registered yet misses the first, and hears the next.
            for (int w = 0; w < WARM_UP_CHANGES; w++) {
                long next = version + 1;
                CountDownLatch all = new CountDownLatch(viewers);
                shared.waiting().put(next, all);
                shared.sentAt().put(next, System.nanoTime());
                Api.Reply reply = night.buyIn(api, 1);
                if (reply.status() != 201) {
                    stats.fail("change ack", String.valueOf(reply.status()));
                    return new Measured(stats, cpu);
                }
                version = next;
                if (all.await(2, TimeUnit.SECONDS)) {
                    break;
                }
            }
            shared.measuredFrom().set(version + 1);
            stats.start();
            cpu = CpuTime.start(server);
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            for (int c = 1; c <= changes && System.nanoTime() < deadline; c++) {
                long next = version + 1;
                CountDownLatch all = new CountDownLatch(viewers);
                shared.waiting().put(next, all);
                long sent = System.nanoTime();
                shared.sentAt().put(next, sent);
                Api.Reply reply = night.buyIn(api, 1);
                long acked = System.nanoTime();
                if (reply.status() != 201) {
                    stats.fail("change ack", String.valueOf(reply.status()));
                    break;
                }
                version = next;
                boolean everyone = all.await(10, TimeUnit.SECONDS);
                stats.record("change ack", acked - sent);
                if (everyone) {
                    stats.record("to all viewers", System.nanoTime() - sent);
                } else {
                    stats.fail("to all viewers", "still missing after 10 s: " + all.getCount());
                }
            }
            stats.stop();
        } finally {
            synchronized (streams) {
                for (EventStream s : streams) {
                    s.close();
                }
            }
            readers.shutdownNow();
            readers.awaitTermination(10, TimeUnit.SECONDS);
        }
        return new Measured(stats, cpu);
    }

    private static void read(InputStream body, Changes changes, Stats stats) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher m = VERSION.matcher(line);
                if (!line.startsWith("data:") || !m.find()) {
                    continue;
                }
                long version = Long.parseLong(m.group(1));
                Long sent = changes.sentAt().get(version);
                CountDownLatch latch = changes.waiting().get(version);
                if (sent == null || latch == null) {
                    continue;
                }
                if (version >= changes.measuredFrom().get()) {
                    stats.record("to each viewer", System.nanoTime() - sent);
                }
                latch.countDown();
            }
        } catch (IOException closed) {
            // The run is over and the stream was closed under the reader.
        }
    }
}

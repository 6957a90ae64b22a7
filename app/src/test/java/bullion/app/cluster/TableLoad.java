package bullion.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of buy-ins to each of a few tables through a {@link RoundRobinClient}: every table has its own
 * stream at its own rate (one table's stall never holds another's requests back), each buy-in with a new
 * {@code Idempotency-Key}, bounded by a stop flag, a deadline and a cap on requests in flight. It keeps, per table, when
 * each buy-in was acknowledged, the acknowledged entries, the 503s and every other answer.
 */
final class TableLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A table with one player (id 1) and its manage token. */
    record Table(String id, String token) {}

    /** What one table saw. */
    static final class Figures {
        final List<Long> ackedAtNanos = new CopyOnWriteArrayList<>();
        final Set<Integer> ackedSeqs = ConcurrentHashMap.newKeySet();
        /** 503 answers (each then sent again with the same key). */
        final AtomicInteger unavailable = new AtomicInteger();
        /** Buy-ins whose outcome the client never learned (no node answered, or still 503 when it gave up). */
        final AtomicInteger unresolved = new AtomicInteger();

        final List<String> otherAnswers = new CopyOnWriteArrayList<>();
        /** Every 503: when it was sent and answered (ms since the client started), by which node, and why (its body). */
        final List<String> unavailableAnswers = new CopyOnWriteArrayList<>();
        /** Buy-ins not sent because too many of the table's were still waiting. */
        final AtomicInteger notSent = new AtomicInteger();

        /** The longest time between two acknowledgements (or the window's edges) within [from, to] (nanoTime). */
        Duration longestGap(long from, long to) {
            long last = from;
            long longest = 0;
            for (long at : ackedAtNanos) {
                if (at < from || at > to) {
                    continue;
                }
                longest = Math.max(longest, at - last);
                last = at;
            }
            return Duration.ofNanos(Math.max(longest, to - last));
        }
    }

    private final RoundRobinClient client;
    private final Map<Table, Figures> figures = new ConcurrentHashMap<>();
    private static final int MAX_IN_FLIGHT = 50;

    private final List<Thread> workers = new ArrayList<>();
    private final List<Thread> requests = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    TableLoad(RoundRobinClient client) {
        this.client = client;
    }

    /**
     * Opens a table with one player. Before the load starts: a cluster that has just formed may not place a table yet
     * (its shard coordinator is still starting; a readiness check is what keeps a load balancer away meanwhile), so a
     * 503, which records nothing, is tried again for up to a minute.
     */
    static Table open(RoundRobinClient client, String name) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        RoundRobinClient.Answer opened;
        do {
            opened = client.post(
                            "/api/tables",
                            Optional.empty(),
                            UUID.randomUUID().toString(),
                            "{\"name\":\"" + name + "\",\"buyIn\":\"10.00\",\"chipsPerBuyIn\":100}",
                            Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("no node opened a table"));
        } while (opened.status() == 503 && System.nanoTime() < giveUp);
        if (opened.status() != 201) {
            throw new AssertionError("opening a table: " + opened);
        }
        JsonNode body = read(opened.body());
        Table table = new Table(body.get("id").asText(), body.get("manageToken").asText());
        RoundRobinClient.Answer player = client.post(
                        "/api/tables/" + table.id() + "/players",
                        Optional.of(table.token()),
                        UUID.randomUUID().toString(),
                        "{\"name\":\"Ari\"}",
                        Duration.ofSeconds(30))
                .orElseThrow();
        if (player.status() != 201) {
            throw new AssertionError("adding a player: " + player);
        }
        return table;
    }

    /**
     * Starts buy-ins to {@code table} at {@code perSecond}, each on its own virtual thread whether or not the earlier
     * ones have been answered (people at many tables do not wait for each other), at most {@value #MAX_IN_FLIGHT} at
     * once per table (a request over it is not sent, and counted), for at most 10 minutes.
     */
    void start(Table table, int perSecond) {
        Figures seen = figures.computeIfAbsent(table, t -> new Figures());
        long every = Duration.ofSeconds(1).toNanos() / perSecond;
        long giveUp = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        AtomicInteger inFlight = new AtomicInteger();
        workers.add(Thread.ofVirtual().start(() -> {
            long next = System.nanoTime();
            while (!stopped && System.nanoTime() < giveUp) {
                if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                    inFlight.decrementAndGet();
                    seen.notSent.incrementAndGet();
                } else {
                    requests.add(Thread.ofVirtual().start(() -> {
                        try {
                            buyIn(table, seen);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }));
                }
                next += every;
                try {
                    Thread.sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }));
    }

    /**
     * One buy-in, as a careful client sends it: a 503 is counted and the same request, with the same
     * {@code Idempotency-Key}, is sent again a second later (what the problem body asks), for up to 20 s. A change that
     * was in flight on a node that died may have been recorded although its caller heard 503 (the node died between
     * the commit and the answer); the retry with the same key then gets the first outcome, so the count stays exact.
     */
    private void buyIn(Table table, Figures seen) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            long sentAt = client.millisSinceStart();
            Optional<RoundRobinClient.Answer> answer = client.post(
                    "/api/tables/" + table.id() + "/players/1/buy-ins",
                    Optional.of(table.token()),
                    key,
                    "{\"count\":1}",
                    Duration.ofSeconds(30));
            if (answer.isEmpty()) {
                seen.unresolved.incrementAndGet();
                return;
            }
            int status = answer.get().status();
            if (status == 201) {
                seen.ackedSeqs.add(read(answer.get().body()).get("seq").asInt());
                seen.ackedAtNanos.add(System.nanoTime());
                return;
            }
            if (status != 503) {
                seen.otherAnswers.add(status + " from " + answer.get().node() + ": "
                        + answer.get().body());
                return;
            }
            seen.unavailable.incrementAndGet();
            seen.unavailableAnswers.add(String.format(
                    "sent t=%6d ms, answered t=%6d ms by %s, %s: %s",
                    sentAt,
                    client.millisSinceStart(),
                    answer.get().node(),
                    table.id(),
                    answer.get().body()));
            if (stopped || System.nanoTime() > giveUp) {
                seen.unresolved.incrementAndGet();
                return;
            }
            Thread.sleep(1_000);
        }
    }

    Map<Table, Figures> figures() {
        return figures;
    }

    /** How many buy-ins the table has now, as any node reads it. */
    static long buyInsRecorded(RoundRobinClient client, Table table) throws InterruptedException {
        RoundRobinClient.Answer view = client.get("/api/tables/" + table.id(), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no node answered for " + table.id()));
        if (view.status() != 200) {
            throw new AssertionError("reading " + table.id() + ": " + view);
        }
        return read(view.body()).get("players").get(0).get("buyIns").asLong();
    }

    /** Stops every worker and waits for its request in flight (each is bounded by the client's patience). */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread worker : workers) {
            worker.join(Duration.ofSeconds(10));
        }
        for (Thread request : requests) {
            request.join(Duration.ofSeconds(60));
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}

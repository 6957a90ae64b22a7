package bullion.bench.heap;

import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Paid;
import bullion.engine.entity.RecentRequests;
import bullion.engine.entity.StoredEvent;
import bullion.engine.entity.TableState;
import bullion.engine.json.StoredFormatSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The part of a table's first request that grows with its night: reading its snapshot back. A table of
 * {@code entries} entries (and 256 recent request ids, as a long night of the pages leaves) written as table-state 5,
 * and the same table in table-state 4's shape (one object per entry, read through the 4 → 5 upcaster), read in
 * turn {@code rounds} times by the stored format's serializer; prints the first read of each (class loading and a
 * cold JIT, as in a fresh server) and the median of the rest, in CPU time of this thread (steadier than wall time on
 * a loaded machine) and wall time. Then the same for writing it as table-state 5, which a long table does every
 * {@code BULLION_SNAPSHOT_EVERY} events: its cost grows with the night too.
 */
public final class SnapshotRead {

    private SnapshotRead() {}

    public static void run(int entries, int rounds, PrintStream out) throws Exception {
        List<Event> events = new ArrayList<>();
        events.add(new Event.TableOpened("Marathon", "USD", 2000, 100, Paid.CREDIT));
        for (int p = 1; p <= 8; p++) {
            events.add(new Event.PlayerJoined(p, "Player " + p));
        }
        Instant at = Instant.parse("2026-11-27T19:00:00.123456Z");
        List<RecentRequests.Seen> recent = new ArrayList<>();
        for (int seq = 1; seq <= entries; seq++) {
            Event e = seq % 4 == 0
                    ? new Event.CashedOut(seq, at.plusMillis(seq * 997L), 1 + seq % 8, 50)
                    : new Event.BoughtIn(seq, at.plusMillis(seq * 997L), 1 + seq % 8, 1, Paid.CREDIT);
            events.add(e);
            if (seq > entries - 256) {
                recent.add(new RecentRequests.Seen(
                        new StoredEvent.RequestRef(UUID.randomUUID().toString(), "%032x".formatted(seq)), List.of(e)));
            }
        }
        TableState state = new TableState(EventApplier.replay(events), "ab12", new RecentRequests(recent));
        StoredFormatSerializer serializer = new StoredFormatSerializer();
        String manifest = serializer.manifest(state);
        byte[] columns = serializer.toBinary(state);
        byte[] objects = asVersion4(columns);
        if (!serializer.fromBinary(objects, "table-state#4").equals(state)
                || !serializer.fromBinary(columns, manifest).equals(state)) {
            throw new IllegalStateException("the two shapes do not read back the same table");
        }
        out.printf(
                "a table of %,d entries: %s %,d bytes, table-state#4 %,d bytes%n",
                entries, manifest, columns.length, objects.length);
        // The equality check above warmed both: a fresh JVM's first read is the next run's first line.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[][] cpu = new long[2][rounds];
        long[][] wall = new long[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int shape = 0; shape < 2; shape++) {
                long c = threads.getCurrentThreadCpuTime();
                long w = System.nanoTime();
                Object back = shape == 0
                        ? serializer.fromBinary(columns, manifest)
                        : serializer.fromBinary(objects, "table-state#4");
                wall[shape][r] = System.nanoTime() - w;
                cpu[shape][r] = threads.getCurrentThreadCpuTime() - c;
                if (back == null) {
                    throw new IllegalStateException();
                }
            }
        }
        String[] names = {manifest + " (columns)", "table-state#4 (objects)"};
        for (int shape = 0; shape < 2; shape++) {
            out.printf(
                    "%-26s read: median %.1f ms CPU, %.1f ms wall (of %d reads; min %.1f ms CPU)%n",
                    names[shape],
                    median(cpu[shape]) / 1e6,
                    median(wall[shape]) / 1e6,
                    rounds,
                    Arrays.stream(cpu[shape]).min().orElse(0) / 1e6);
        }
        out.printf("ratio (4 / 5, CPU): %.1fx%n", median(cpu[1]) / (double) median(cpu[0]));
        long[] writeCpu = new long[rounds];
        long[] writeWall = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long c = threads.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            byte[] written = serializer.toBinary(state);
            writeWall[r] = System.nanoTime() - w;
            writeCpu[r] = threads.getCurrentThreadCpuTime() - c;
            if (!Arrays.equals(written, columns)) {
                throw new IllegalStateException("the snapshot was written differently the second time");
            }
        }
        out.printf(
                "%-26s write: median %.1f ms CPU, %.1f ms wall (of %d writes; min %.1f ms CPU)%n",
                names[0],
                median(writeCpu) / 1e6,
                median(writeWall) / 1e6,
                rounds,
                Arrays.stream(writeCpu).min().orElse(0) / 1e6);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The same snapshot as table-state 4 wrote it: the ledger as one object per entry, each time an ISO text. */
    private static byte[] asVersion4(byte[] columns) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode state = (ObjectNode) json.readTree(columns);
        ObjectNode table = (ObjectNode) state.get("table");
        JsonNode c = table.get("entries");
        ArrayNode entries = json.createArrayNode();
        for (int i = 0; i < c.get("seq").size(); i++) {
            ObjectNode e = entries.addObject();
            e.set("seq", c.get("seq").get(i));
            e.put(
                    "at",
                    Instant.ofEpochSecond(
                                    c.get("atSecond").get(i).asLong(),
                                    c.get("atNano").get(i).asLong())
                            .toString());
            for (String field : List.of("playerId", "kind", "quantity", "voiding", "unit", "paid")) {
                e.set(field, c.get(field).get(i));
            }
        }
        table.set("entries", entries);
        return json.writeValueAsBytes(state);
    }
}

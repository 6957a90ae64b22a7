package bullion.engine.entity;

import bullion.core.Event;
import bullion.engine.SampleNight;
import bullion.engine.WarmUp;
import bullion.engine.group.SampleGroup;
import bullion.engine.json.StoredFormatSerializer;
import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stored format run once on {@link SampleNight} and {@link SampleGroup} while a node starts, on a thread of its
 * own beside the start ({@code TableSystem}): each event and snapshot written and read back. Otherwise a fresh JVM
 * does that work, Jackson's introspection of every stored type and the first run of the readers, inside the first
 * table it recovers: about 100 ms of a 10,000-event table's first request (BENCHMARKS.md, "A fresh server's first
 * request warmed"). Nothing is stored. What is read back must equal what was written; a difference is logged
 * ({@link WarmUp}) and never stops the node (the golden files are the stored format's guard, this is a warm-up).
 */
public final class StoredFormatWarmUp {

    /** Request ids as the pages and the API send them (a UUID) and as other clients may (any text). */
    private static final List<Optional<StoredEvent.RequestRef>> REQUESTS = List.of(
            Optional.of(new StoredEvent.RequestRef(
                    "0b6a4b1e-6d3c-4d8e-9a55-3f1c2b7e9d40", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")),
            Optional.empty(),
            Optional.of(new StoredEvent.RequestRef("retry-7", "fingerprint")));

    private StoredFormatWarmUp() {}

    /** Starts the warm-up on a daemon thread; the caller does not wait for it. */
    public static Thread start() {
        return WarmUp.start("stored-format", StoredFormatWarmUp::run);
    }

    /**
     * Writes and reads back every event of the sample night as the journal stores it, the snapshot of the table they
     * make, and a sample group's events and snapshot; the number of values written. Throws if one reads back different.
     */
    static int run() {
        StoredFormatSerializer serializer = new StoredFormatSerializer();
        List<Object> values = values();
        for (Object value : values) {
            roundTrip(serializer, value);
        }
        return values.size();
    }

    /** The sample night's stored events and its snapshot, then a sample group's: a value of every stored kind. */
    static List<Object> values() {
        List<Object> values = new ArrayList<>();
        TableState state = TableState.empty();
        for (StoredEvent event : events()) {
            values.add(event);
            state = state.apply(event);
        }
        values.add(state);
        values.addAll(SampleGroup.storedValues());
        return values;
    }

    /** The sample night as a table's journal holds it: created with a token's hash, then its recorded changes. */
    static List<StoredEvent> events() {
        List<StoredEvent> stored = new ArrayList<>();
        for (Event event : SampleNight.events()) {
            stored.add(
                    event instanceof Event.TableOpened opened
                            ? new StoredEvent.TableCreated(opened, "0".repeat(64))
                            : new StoredEvent.Recorded(event, REQUESTS.get(stored.size() % REQUESTS.size())));
        }
        return stored;
    }

    private static void roundTrip(StoredFormatSerializer serializer, Object value) {
        Object back;
        try {
            back = serializer.fromBinary(serializer.toBinary(value), serializer.manifest(value));
        } catch (NotSerializableException e) {
            throw new IllegalStateException("the stored format refused its own " + value.getClass(), e);
        }
        if (!back.equals(value)) {
            throw new IllegalStateException("a " + value.getClass().getSimpleName() + " read back different: " + back);
        }
    }
}

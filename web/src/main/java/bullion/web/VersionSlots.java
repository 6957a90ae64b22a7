package bullion.web;

import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Answers rendered once per table version and kept by that version's identity (a table answers every view of one
 * version with the same {@code Table} value), in a fixed number of slots: bounded however many tables are live, and a
 * lookup is a few loads. A value may go in either of two slots chosen by its hash, into a free one or else over the
 * older value there. With one slot per value, two live tables whose hashes met took turns putting each other out, so
 * both were rendered on every view: a hundred tables in 512 slots have about one in six sharing a slot, and the bench's
 * pages spent 27-41 % of the server's CPU rendering again (BENCHMARKS.md, "The pages' slots"). With two, a value is put
 * out only when both its slots hold newer ones. The version is held weakly, so a kept answer never keeps an old table
 * alive, and each slot softly, so the collector can take the answers before the heap runs short.
 *
 * <p>Safe from any thread: two threads may both render a missing answer and both put it, and either is the same.
 */
public final class VersionSlots<V> {

    private record Kept<V>(WeakReference<Object> version, V value, long keptAt) {}

    private final AtomicReferenceArray<SoftReference<Kept<V>>> slots;
    private final ToIntFunction<Object> identity;

    /** {@code count} slots, a power of two. */
    public VersionSlots(int count) {
        this(count, System::identityHashCode);
    }

    /** With {@code identity} in place of a version's identity hash: a test makes versions meet in the same slots. */
    public VersionSlots(int count, ToIntFunction<Object> identity) {
        if (Integer.bitCount(count) != 1 || count < 2) {
            throw new IllegalArgumentException("count must be a power of two, at least 2: " + count);
        }
        this.slots = new AtomicReferenceArray<>(count);
        this.identity = identity;
    }

    /**
     * The value kept for {@code version} that {@code matches} (what else the answer was made of), or null. {@code salt}
     * is the hash of that rest, so each variant of one version has slots of its own.
     */
    public V find(Object version, int salt, Predicate<V> matches) {
        int hash = hash(version, salt);
        V found = in(first(hash), version, matches);
        return found != null ? found : in(second(hash), version, matches);
    }

    /** Keeps {@code value} for {@code version}: in a free one of its two slots, else over the older value there. */
    public void put(Object version, int salt, V value) {
        int hash = hash(version, salt);
        int first = first(hash);
        int second = second(hash);
        Kept<V> a = kept(first);
        Kept<V> b = kept(second);
        int into;
        if (a == null || a.version().get() == null) {
            into = first;
        } else if (b == null || b.version().get() == null) {
            into = second;
        } else {
            into = a.keptAt() - b.keptAt() <= 0 ? first : second;
        }
        slots.set(into, new SoftReference<>(new Kept<>(new WeakReference<>(version), value, System.nanoTime())));
    }

    private V in(int slot, Object version, Predicate<V> matches) {
        Kept<V> kept = kept(slot);
        return kept != null && kept.version().get() == version && matches.test(kept.value()) ? kept.value() : null;
    }

    private Kept<V> kept(int slot) {
        SoftReference<Kept<V>> ref = slots.get(slot);
        return ref == null ? null : ref.get();
    }

    private int hash(Object version, int salt) {
        return identity.applyAsInt(version) * 31 + salt;
    }

    private int first(int hash) {
        return spread(hash) & (slots.length() - 1);
    }

    /** Another slot than {@link #first}, from another mix of the same hash. */
    private int second(int hash) {
        int second = spread(hash * 0x9E3779B9 + 0x7F4A7C15) & (slots.length() - 1);
        return second == first(hash) ? second ^ 1 : second;
    }

    /** The hash's high bits mixed into its low ones, which pick the slot (as {@code HashMap} does). */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}

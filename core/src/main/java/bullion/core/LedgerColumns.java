package bullion.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Ledger}'s entries, one array per field, instead of an {@link Entry} and its {@link Instant} per entry: a
 * live table keeps every slot all night (BENCHMARKS.md, "Idle tables"). {@link #get} makes the entry a caller reads;
 * voidings live in the ledger's overlay, so a slot ignores an entry's voiding. In memory only: the stored format is
 * the list of entries it always was.
 *
 * <p>Two layouts. {@link Narrow} (17 bytes a slot) holds a night as it is played: entry {@code i} is number
 * {@code i + 1}, its time fits a {@code long} of nanoseconds (years 1677 to 2262) and its quantity an {@code int}.
 * {@link Wide} (29 bytes) holds any entry. Columns start narrow and are copied wide, once, by the first entry that does
 * not fit ({@link #copy}); an entry is never rounded or cut to fit.
 */
abstract sealed class LedgerColumns permits LedgerColumns.Narrow, LedgerColumns.Wide {

    private static final Entry.Kind[] KINDS = Entry.Kind.values();
    private static final Entry.Unit[] UNITS = Entry.Unit.values();
    private static final Paid[] PAID = Paid.values();
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** The seconds whose every instant fits a {@code long} of nanoseconds since the epoch, with room to spare. */
    private static final long LAST_SECOND_IN_NANOS = Long.MAX_VALUE / NANOS_PER_SECOND - 1;

    /** Kind, unit and how it was paid, by ordinal: kind + 4 × unit + 16 × paid. */
    final byte[] shape;

    final int[] playerId;

    private LedgerColumns(int capacity) {
        this(new byte[capacity], new int[capacity]);
    }

    private LedgerColumns(byte[] shape, int[] playerId) {
        this.shape = shape;
        this.playerId = playerId;
    }

    /** Columns of {@code capacity} empty slots that will hold {@code entries} at their indices: narrow if they fit. */
    static LedgerColumns holding(Entry[] entries, int capacity) {
        for (int i = 0; i < entries.length; i++) {
            if (!Narrow.holds(i, entries[i])) {
                return new Wide(capacity);
            }
        }
        return new Narrow(capacity);
    }

    /**
     * Columns holding entries given field by field (a snapshot's columns; {@code shape} as {@link #shape} makes it):
     * narrow if every entry fits, else wide, keeping the arrays given.
     */
    static LedgerColumns of(int[] seq, long[] atSecond, int[] atNano, int[] playerId, long[] quantity, byte[] shape) {
        int n = seq.length;
        for (int i = 0; i < n; i++) {
            if (!Narrow.holds(i, seq[i], atSecond[i], quantity[i])) {
                return new Wide(seq, atSecond, atNano, playerId, quantity, shape);
            }
        }
        Narrow narrow = new Narrow(n);
        for (int i = 0; i < n; i++) {
            narrow.shape[i] = shape[i];
            narrow.playerId[i] = playerId[i];
            narrow.atNanos[i] = atSecond[i] * NANOS_PER_SECOND + atNano[i];
            narrow.quantity[i] = (int) quantity[i];
        }
        return narrow;
    }

    /** Kind, unit and how it was paid in one byte, held to {@link Entry}'s own rules. */
    static byte shape(Entry.Kind kind, Entry.Unit unit, Paid paid) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(paid, "paid");
        if (kind == Entry.Kind.CASH_OUT && unit != Entry.Unit.CHIPS) {
            throw new IllegalArgumentException("a cash-out is counted in chips");
        }
        return (byte) (kind.ordinal() + 4 * unit.ordinal() + 16 * paid.ordinal());
    }

    /** What {@link Instant#ofEpochSecond(long, long)} would refuse, without making the instant. */
    static void checkTime(long second, int nano) {
        if (nano < 0
                || nano > 999_999_999
                || second < Instant.MIN.getEpochSecond()
                || second > Instant.MAX.getEpochSecond()) {
            throw new DateTimeException("not an instant: " + second + " s and " + nano + " ns");
        }
    }

    final int capacity() {
        return shape.length;
    }

    /** Whether slot {@code i} can hold {@code entry} as it is (voiding aside). */
    abstract boolean fits(int i, Entry entry);

    /** Writes slot {@code i}, voiding aside; {@link #fits} must hold. */
    final void set(int i, Entry entry) {
        shape[i] = shape(entry.kind(), entry.unit(), entry.paid());
        playerId[i] = entry.playerId();
        setFields(i, entry);
    }

    abstract void setFields(int i, Entry entry);

    final Entry get(int i) {
        int s = shape[i];
        return new Entry(
                seq(i),
                at(i),
                playerId[i],
                KINDS[s & 3],
                quantity(i),
                Optional.empty(),
                UNITS[(s >> 2) & 3],
                PAID[(s >> 4) & 3]);
    }

    abstract int seq(int i);

    abstract Instant at(int i);

    abstract long quantity(int i);

    /**
     * The first {@code size} slots in new columns of {@code capacity} that can also hold {@code next} at index
     * {@code size}: the same layout if it fits, else wide.
     */
    final LedgerColumns copy(int size, int capacity, Entry next) {
        LedgerColumns copy = fits(size, next) ? empty(capacity) : new Wide(capacity);
        if (copy.getClass() == getClass()) {
            System.arraycopy(shape, 0, copy.shape, 0, size);
            System.arraycopy(playerId, 0, copy.playerId, 0, size);
            copyFields(size, copy);
        } else {
            for (int i = 0; i < size; i++) {
                copy.set(i, get(i));
            }
        }
        return copy;
    }

    /** Empty columns of this layout. */
    abstract LedgerColumns empty(int capacity);

    /** Copies this layout's own columns' first {@code size} slots into {@code copy}, of the same layout. */
    abstract void copyFields(int size, LedgerColumns copy);

    /** A night as it is played: numbers from the index, times in nanoseconds, quantities in an {@code int}. */
    static final class Narrow extends LedgerColumns {
        private final long[] atNanos;
        private final int[] quantity;

        Narrow(int capacity) {
            super(capacity);
            atNanos = new long[capacity];
            quantity = new int[capacity];
        }

        /** Whether narrow columns can hold {@code entry} at index {@code i}. */
        static boolean holds(int i, Entry entry) {
            return holds(i, entry.seq(), entry.at().getEpochSecond(), entry.quantity());
        }

        /** Whether narrow columns can hold an entry of this number, second and quantity at index {@code i}. */
        static boolean holds(int i, int seq, long second, long quantity) {
            return seq == i + 1
                    && second >= -LAST_SECOND_IN_NANOS
                    && second <= LAST_SECOND_IN_NANOS
                    && quantity >= Integer.MIN_VALUE
                    && quantity <= Integer.MAX_VALUE;
        }

        @Override
        boolean fits(int i, Entry entry) {
            return holds(i, entry);
        }

        @Override
        void setFields(int i, Entry entry) {
            atNanos[i] =
                    entry.at().getEpochSecond() * NANOS_PER_SECOND + entry.at().getNano();
            quantity[i] = (int) entry.quantity();
        }

        @Override
        int seq(int i) {
            return i + 1;
        }

        @Override
        Instant at(int i) {
            long nanos = atNanos[i];
            return Instant.ofEpochSecond(
                    Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
        }

        @Override
        long quantity(int i) {
            return quantity[i];
        }

        @Override
        LedgerColumns empty(int capacity) {
            return new Narrow(capacity);
        }

        @Override
        void copyFields(int size, LedgerColumns copy) {
            Narrow to = (Narrow) copy;
            System.arraycopy(atNanos, 0, to.atNanos, 0, size);
            System.arraycopy(quantity, 0, to.quantity, 0, size);
        }
    }

    /** Any entry: its number, time and quantity as they are. */
    static final class Wide extends LedgerColumns {
        private final int[] seq;
        private final long[] atSecond;
        private final int[] atNano;
        private final long[] quantity;

        Wide(int capacity) {
            this(
                    new int[capacity],
                    new long[capacity],
                    new int[capacity],
                    new int[capacity],
                    new long[capacity],
                    new byte[capacity]);
        }

        Wide(int[] seq, long[] atSecond, int[] atNano, int[] playerId, long[] quantity, byte[] shape) {
            super(shape, playerId);
            this.seq = seq;
            this.atSecond = atSecond;
            this.atNano = atNano;
            this.quantity = quantity;
        }

        @Override
        boolean fits(int i, Entry entry) {
            return true;
        }

        @Override
        void setFields(int i, Entry entry) {
            seq[i] = entry.seq();
            atSecond[i] = entry.at().getEpochSecond();
            atNano[i] = entry.at().getNano();
            quantity[i] = entry.quantity();
        }

        @Override
        int seq(int i) {
            return seq[i];
        }

        @Override
        Instant at(int i) {
            return Instant.ofEpochSecond(atSecond[i], atNano[i]);
        }

        @Override
        long quantity(int i) {
            return quantity[i];
        }

        @Override
        LedgerColumns empty(int capacity) {
            return new Wide(capacity);
        }

        @Override
        void copyFields(int size, LedgerColumns copy) {
            Wide to = (Wide) copy;
            System.arraycopy(seq, 0, to.seq, 0, size);
            System.arraycopy(atSecond, 0, to.atSecond, 0, size);
            System.arraycopy(atNano, 0, to.atNano, 0, size);
            System.arraycopy(quantity, 0, to.quantity, 0, size);
        }
    }
}

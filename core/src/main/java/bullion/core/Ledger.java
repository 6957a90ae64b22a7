package bullion.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A table's ledger: its entries in order, as an immutable {@code List<Entry>} that also keeps running totals of
 * the counting entries, for the table and per player, so that a buy-in, a cash-out or a report costs the same at
 * the end of a long night as at its start.
 *
 * <p>The entries are kept column-wise, an array per field ({@link LedgerColumns}), and each read makes the
 * {@link Entry}: a live table keeps about 17 bytes per entry instead of an entry object and its time object (72).
 *
 * <p>Appending shares structure instead of copying the night. The views of one ledger share backing arrays, and
 * a slot once written is never written again: the view that ends at the last claimed slot appends by claiming
 * the next one in place (an atomic claim, so of two appends to one view only one extends the array and the other
 * copies); appending to an older view, or past the array's end, copies (growing by half, so appends cost O(1)
 * amortized). A view reads only the slots below its own size, so an older table never sees a later entry.
 * Voiding replaces an entry: the arrays are kept and the replacement goes into a small per-view overlay (a night
 * voids a handful of entries), which a copy keeps; the columns never hold a voiding.
 *
 * <p>Every field is final, and a slot is written before the view that shows it is made, so a ledger handed to
 * another thread, even without synchronisation, shows exactly its own entries (JLS 17.5). The totals are derived,
 * never stored: a ledger read back from JSON is counted once, from a plain list of entries ({@link #of}) or from a
 * snapshot's columns ({@link #ofColumns}).
 */
public final class Ledger extends AbstractList<Entry> implements RandomAccess {

    private static final int FIRST_CAPACITY = 16;
    private static final int[] NO_INDICES = {};
    private static final Entry[] NO_ENTRIES = {};
    private static final long[] NO_SUMS = {};
    private static final Ledger EMPTY = new Ledger(
            new LedgerColumns.Narrow(0),
            new AtomicInteger(),
            0,
            NO_INDICES,
            NO_ENTRIES,
            Tally.ZERO,
            NO_INDICES,
            NO_SUMS);

    /** Shared by every view of these columns; slots below {@code claimed} are taken, each written exactly once. */
    private final LedgerColumns slots;

    private final AtomicInteger claimed;
    private final int size;
    /** Entries this view replaced (voided), by index in ascending order. */
    private final int[] replacedAt;

    private final Entry[] replacements;
    private final Tally total;
    /** Every player with an entry, by id in ascending order. */
    private final int[] playerIds;

    /**
     * Their totals, {@link Tally#FIELDS} numbers per player in the order of {@link #playerIds}: one array instead of a
     * {@link Tally} object per player, which every live table kept (BENCHMARKS.md, "Idle tables").
     */
    private final long[] sums;

    private Ledger(
            LedgerColumns slots,
            AtomicInteger claimed,
            int size,
            int[] replacedAt,
            Entry[] replacements,
            Tally total,
            int[] playerIds,
            long[] sums) {
        this.slots = slots;
        this.claimed = claimed;
        this.size = size;
        this.replacedAt = replacedAt;
        this.replacements = replacements;
        this.total = total;
        this.playerIds = playerIds;
        this.sums = sums;
    }

    /**
     * The ledger of {@code entries}, in their order: the same ledger if it is one, else a copy counted once.
     *
     * @throws NullPointerException if {@code entries} or any entry is null
     */
    public static Ledger of(List<? extends Entry> entries) {
        if (entries instanceof Ledger ledger) {
            return ledger;
        }
        Entry[] items = entries.toArray(new Entry[0]);
        Tally total = Tally.ZERO;
        Map<Integer, Tally> byPlayer = new TreeMap<>();
        LedgerColumns columns = LedgerColumns.holding(items, items.length);
        int voided = 0;
        for (int i = 0; i < items.length; i++) {
            Entry entry = Objects.requireNonNull(items[i], "entry");
            total = total.plus(entry);
            byPlayer.merge(entry.playerId(), Tally.ZERO.plus(entry), Tally::plus);
            columns.set(i, entry);
            voided += entry.voided() ? 1 : 0;
        }
        // The columns hold no voiding: a voided entry is also in the overlay, as if voided after it was appended.
        int[] replacedAt = new int[voided];
        Entry[] replacements = new Entry[voided];
        for (int i = 0, r = 0; i < items.length; i++) {
            if (items[i].voided()) {
                replacedAt[r] = i;
                replacements[r++] = items[i];
            }
        }
        int[] ids = byPlayer.keySet().stream().mapToInt(Integer::intValue).toArray();
        long[] sums = new long[ids.length * Tally.FIELDS];
        int p = 0;
        for (Tally tally : byPlayer.values()) {
            tally.writeTo(sums, p++);
        }
        return items.length == 0
                ? EMPTY
                : new Ledger(
                        columns,
                        new AtomicInteger(items.length),
                        items.length,
                        replacedAt,
                        replacements,
                        total,
                        ids,
                        sums);
    }

    /**
     * The ledger of entries given column-wise, as a snapshot stores them: entry {@code i} is {@code seq[i]},
     * {@code atSecond[i]} and {@code atNano[i]}, … and {@code voiding[i]} (null when it counts). The same ledger as
     * {@link #of} of those entries, held to the same rules, but without an {@link Entry} per slot on the way: reading
     * a long table's snapshot is its first request after a restart (BENCHMARKS.md, "First request"). The caller must
     * not touch the arrays afterwards: wide columns keep them.
     *
     * @throws IllegalArgumentException if the columns differ in length, or a cash-out is not counted in chips
     * @throws NullPointerException if a kind, unit or way of paying is null
     * @throws DateTimeException if a time is out of {@link Instant}'s range
     */
    public static Ledger ofColumns(
            int[] seq,
            long[] atSecond,
            int[] atNano,
            int[] playerId,
            Entry.Kind[] kind,
            long[] quantity,
            Entry.Voiding[] voiding,
            Entry.Unit[] unit,
            Paid[] paid) {
        int n = seq.length;
        if (atSecond.length != n
                || atNano.length != n
                || playerId.length != n
                || kind.length != n
                || quantity.length != n
                || voiding.length != n
                || unit.length != n
                || paid.length != n) {
            throw new IllegalArgumentException("the ledger's columns differ in length");
        }
        if (n == 0) {
            return EMPTY;
        }
        int[] ids = distinctSorted(playerId);
        long[] sums = new long[ids.length * Tally.FIELDS];
        Tally total = Tally.ZERO;
        byte[] shape = new byte[n];
        int voided = 0;
        for (int i = 0; i < n; i++) {
            LedgerColumns.checkTime(atSecond[i], atNano[i]);
            shape[i] = LedgerColumns.shape(kind[i], unit[i], paid[i]);
            if (voiding[i] != null) {
                voided++;
                continue;
            }
            int at = Arrays.binarySearch(ids, playerId[i]);
            Tally.readFrom(sums, at)
                    .counted(kind[i], unit[i], paid[i], quantity[i])
                    .writeTo(sums, at);
            total = total.counted(kind[i], unit[i], paid[i], quantity[i]);
        }
        int[] replacedAt = new int[voided];
        Entry[] replacements = new Entry[voided];
        for (int i = 0, r = 0; r < voided; i++) {
            if (voiding[i] != null) {
                replacedAt[r] = i;
                replacements[r++] = new Entry(
                        seq[i],
                        Instant.ofEpochSecond(atSecond[i], atNano[i]),
                        playerId[i],
                        kind[i],
                        quantity[i],
                        Optional.of(voiding[i]),
                        unit[i],
                        paid[i]);
            }
        }
        return new Ledger(
                LedgerColumns.of(seq, atSecond, atNano, playerId, quantity, shape),
                new AtomicInteger(n),
                n,
                replacedAt,
                replacements,
                total,
                ids,
                sums);
    }

    private static int[] distinctSorted(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    @Override
    public Entry get(int index) {
        Objects.checkIndex(index, size);
        if (replacedAt.length > 0) {
            int at = Arrays.binarySearch(replacedAt, index);
            if (at >= 0) {
                return replacements[at];
            }
        }
        return slots.get(index);
    }

    @Override
    public int size() {
        return size;
    }

    /** This ledger with {@code entry} after its last entry; this one is unchanged. */
    Ledger appended(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.voided()) {
            // The columns hold no voiding (never the case for an entry the applier appends): the overlay does.
            Entry counting = new Entry(
                    entry.seq(),
                    entry.at(),
                    entry.playerId(),
                    entry.kind(),
                    entry.quantity(),
                    Optional.empty(),
                    entry.unit(),
                    entry.paid());
            return appended(counting).replaced(size, entry);
        }
        Tally added = total.plus(entry);
        Players players = players().with(entry.playerId(), t -> t.plus(entry));
        if (size < slots.capacity() && slots.fits(size, entry) && claimed.compareAndSet(size, size + 1)) {
            slots.set(size, entry);
            return new Ledger(slots, claimed, size + 1, replacedAt, replacements, added, players.ids(), players.sums());
        }
        LedgerColumns copy = slots.copy(size, Math.max(FIRST_CAPACITY, size + (size >> 1) + 1), entry);
        copy.set(size, entry);
        return new Ledger(
                copy,
                new AtomicInteger(size + 1),
                size + 1,
                replacedAt,
                replacements,
                added,
                players.ids(),
                players.sums());
    }

    /** This ledger with the entry at {@code index} replaced by {@code entry}; this one is unchanged. */
    Ledger replaced(int index, Entry entry) {
        Objects.requireNonNull(entry, "entry");
        Entry old = get(index);
        int at = Arrays.binarySearch(replacedAt, index);
        int[] indices;
        Entry[] entries;
        if (at >= 0) {
            indices = replacedAt;
            entries = replacements.clone();
            entries[at] = entry;
        } else {
            int insert = -at - 1;
            indices = new int[replacedAt.length + 1];
            entries = new Entry[replacements.length + 1];
            System.arraycopy(replacedAt, 0, indices, 0, insert);
            System.arraycopy(replacements, 0, entries, 0, insert);
            indices[insert] = index;
            entries[insert] = entry;
            System.arraycopy(replacedAt, insert, indices, insert + 1, replacedAt.length - insert);
            System.arraycopy(replacements, insert, entries, insert + 1, replacements.length - insert);
        }
        Players players = players().with(old.playerId(), t -> t.minus(old)).with(entry.playerId(), t -> t.plus(entry));
        return new Ledger(
                slots, claimed, size, indices, entries, total.minus(old).plus(entry), players.ids(), players.sums());
    }

    /** The totals of every counting entry. */
    Tally total() {
        return total;
    }

    /** The totals of one player's counting entries; zero if they have none. */
    Tally tallyOf(int playerId) {
        int at = Arrays.binarySearch(playerIds, playerId);
        return at >= 0 ? Tally.readFrom(sums, at) : Tally.ZERO;
    }

    /** Whether the player has an entry, counting or not. */
    boolean hasEntriesOf(int playerId) {
        return Arrays.binarySearch(playerIds, playerId) >= 0;
    }

    /** The ids of the players who have an entry, counting or not, in ascending order. */
    int[] playerIds() {
        return playerIds.clone();
    }

    /** How many players have an entry, counting or not. */
    int playerCount() {
        return playerIds.length;
    }

    private Players players() {
        return new Players(playerIds, sums);
    }

    /** Per-player totals ({@link #sums}), copied on change: the cost is the number of players, not of entries. */
    private record Players(int[] ids, long[] sums) {
        Players with(int playerId, UnaryOperator<Tally> change) {
            int at = Arrays.binarySearch(ids, playerId);
            if (at >= 0) {
                long[] changed = sums.clone();
                change.apply(Tally.readFrom(sums, at)).writeTo(changed, at);
                return new Players(ids, changed);
            }
            int insert = -at - 1;
            int[] moreIds = new int[ids.length + 1];
            long[] more = new long[sums.length + Tally.FIELDS];
            System.arraycopy(ids, 0, moreIds, 0, insert);
            System.arraycopy(sums, 0, more, 0, insert * Tally.FIELDS);
            moreIds[insert] = playerId;
            change.apply(Tally.ZERO).writeTo(more, insert);
            System.arraycopy(ids, insert, moreIds, insert + 1, ids.length - insert);
            System.arraycopy(
                    sums,
                    insert * Tally.FIELDS,
                    more,
                    (insert + 1) * Tally.FIELDS,
                    sums.length - insert * Tally.FIELDS);
            return new Players(moreIds, more);
        }
    }

    /**
     * Running totals of counting entries, in the ledger's own units so they need no terms: standard buy-ins and
     * chips bought as chips (all, and those paid in cash), and chips cashed out. Money is derived from them with the
     * table's terms: every chip buy-in costs whole minor units, so the price of their sum is the sum of their prices.
     */
    record Tally(long buyIns, long chipsAsChips, long cashBuyIns, long cashChipsAsChips, long chipsCashedOut) {

        static final Tally ZERO = new Tally(0, 0, 0, 0, 0);

        /** How many numbers a tally is, as {@link #writeTo} lays them out. */
        static final int FIELDS = 5;

        /** The tally at position {@code at} of {@code sums} (see {@link #writeTo}). */
        static Tally readFrom(long[] sums, int at) {
            int i = at * FIELDS;
            return new Tally(sums[i], sums[i + 1], sums[i + 2], sums[i + 3], sums[i + 4]);
        }

        /** Writes these totals at position {@code at} of {@code sums}: {@link #FIELDS} numbers, in field order. */
        void writeTo(long[] sums, int at) {
            int i = at * FIELDS;
            sums[i] = buyIns;
            sums[i + 1] = chipsAsChips;
            sums[i + 2] = cashBuyIns;
            sums[i + 3] = cashChipsAsChips;
            sums[i + 4] = chipsCashedOut;
        }

        /** These totals with {@code entry} counted, if it counts. */
        Tally plus(Entry entry) {
            return counted(entry, 1);
        }

        /** These totals without {@code entry}, if it counted. */
        Tally minus(Entry entry) {
            return counted(entry, -1);
        }

        Tally plus(Tally other) {
            return new Tally(
                    Math.addExact(buyIns, other.buyIns),
                    Math.addExact(chipsAsChips, other.chipsAsChips),
                    Math.addExact(cashBuyIns, other.cashBuyIns),
                    Math.addExact(cashChipsAsChips, other.cashChipsAsChips),
                    Math.addExact(chipsCashedOut, other.chipsCashedOut));
        }

        private Tally counted(Entry entry, int sign) {
            if (!entry.counts()) {
                return this;
            }
            return counted(entry.kind(), entry.unit(), entry.paid(), sign * entry.quantity());
        }

        /** These totals with a counting entry of these fields added ({@code q} negative: taken away). */
        Tally counted(Entry.Kind kind, Entry.Unit unit, Paid paid, long q) {
            if (kind == Entry.Kind.CASH_OUT) {
                return new Tally(buyIns, chipsAsChips, cashBuyIns, cashChipsAsChips, Math.addExact(chipsCashedOut, q));
            }
            boolean cash = paid == Paid.CASH;
            return unit == Entry.Unit.BUY_INS
                    ? new Tally(
                            Math.addExact(buyIns, q),
                            chipsAsChips,
                            cash ? Math.addExact(cashBuyIns, q) : cashBuyIns,
                            cashChipsAsChips,
                            chipsCashedOut)
                    : new Tally(
                            buyIns,
                            Math.addExact(chipsAsChips, q),
                            cashBuyIns,
                            cash ? Math.addExact(cashChipsAsChips, q) : cashChipsAsChips,
                            chipsCashedOut);
        }

        long chipsBought(long chipsPerBuyIn) {
            return Math.addExact(Math.multiplyExact(buyIns, chipsPerBuyIn), chipsAsChips);
        }

        /** What the counting buy-ins cost. */
        Money paidIn(TableTerms terms) {
            return money(terms, buyIns, chipsAsChips);
        }

        /** What the counting buy-ins paid in cash handed to the bank. */
        Money paidCash(TableTerms terms) {
            return money(terms, cashBuyIns, cashChipsAsChips);
        }

        private static Money money(TableTerms terms, long buyIns, long chips) {
            Money standard = terms.buyIn().times(buyIns);
            return chips == 0
                    ? standard
                    : standard.plus(terms.priceOfChips(chips)
                            .orElseThrow(() -> new IllegalStateException("chip buy-in of part of a minor unit")));
        }
    }
}

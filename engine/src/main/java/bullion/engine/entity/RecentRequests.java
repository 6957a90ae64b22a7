package bullion.engine.entity;

import bullion.core.Event;
import bullion.core.Table;
import bullion.engine.entity.StoredEvent.RequestRef;
import bullion.engine.json.JsonSerializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The last {@value #LIMIT} request ids a table accepted, with what each recorded, so a retried request is
 * answered with its first outcome. Rebuilt from the journal on recovery and kept in snapshots, as the list of
 * {@link #seen} (the stored JSON, {@code StoredJson}'s {@code RecentRequestsAsList}, unchanged).
 *
 * <p>In memory the requests are kept in arrays rather than as that list: a UUID id and a fingerprint as 128 bits
 * each ({@link Bits128}), and the event a request recorded as a number ({@link EventNumbers}: the ledger entry it
 * made or voided, the player who joined) where the table gives that event back equal, else as it is: about 36 bytes
 * a request instead of about 290 (a {@code Seen}, its {@code RequestRef}, two strings and a list), or 100 with the
 * event; a live table keeps up to 256 of them all night (BENCHMARKS.md, "Idle tables"). So reading the events back
 * needs the table ({@link #seen(Optional)}, {@link #find}). A value is immutable; it is equal to another that holds
 * the same requests the same way ({@link TableState} numbers every request it can, so two states' recent requests
 * are equal when their lists are).
 */
public final class RecentRequests implements JsonSerializable {

    static final int LIMIT = 256;

    public record Seen(RequestRef request, List<Event> events) implements JsonSerializable {
        public Seen {
            events = List.copyOf(events);
        }
    }

    /** Numbers per request in {@link #bits}: its id's high and low 64 bits, then its fingerprint's. */
    private static final int WORDS = 4;

    private static final RecentRequests NONE = new RecentRequests(new long[0], null, new int[0], null, true);

    /** Per request, oldest first, {@link #WORDS} numbers; those of a text held in {@link #texts} are zero. */
    private final long[] bits;
    /**
     * Per request, its id then its fingerprint where {@link Bits128} cannot hold them (null where it can); the array
     * itself is null while every one is held as bits.
     */
    private final String[] texts;
    /** Per request, the {@link EventNumbers} number of the one event it recorded, or {@link EventNumbers#NONE}. */
    private final int[] numbers;
    /**
     * For each request without a number, in order, the one {@link Event} it recorded or the {@code List<Event>} of
     * all it recorded; null while every request has a number.
     */
    private final Object[] held;
    /** Whether every request that could be numbered against the table is: false when made from a list. */
    private final boolean numbered;

    private RecentRequests(long[] bits, String[] texts, int[] numbers, Object[] held, boolean numbered) {
        this.bits = bits;
        this.texts = texts;
        this.numbers = numbers;
        this.held = held;
        this.numbered = numbered;
    }

    /** These requests, oldest first, each with its events as they are (see {@link #numberedIn}). */
    public RecentRequests(List<Seen> seen) {
        this(new long[seen.size() * WORDS], new Object[seen.size()], seen);
    }

    private RecentRequests(long[] bits, Object[] held, List<Seen> seen) {
        this(bits, fill(bits, held, seen), new int[seen.size()], seen.isEmpty() ? null : held, seen.isEmpty());
    }

    /** Writes {@code seen} into the arrays; the texts, or null if none is needed. */
    private static String[] fill(long[] bits, Object[] held, List<Seen> seen) {
        String[] texts = null;
        for (int i = 0; i < seen.size(); i++) {
            Seen s = seen.get(i);
            texts = put(bits, texts, seen.size(), i, s.request());
            held[i] = s.events().size() == 1 ? s.events().getFirst() : s.events();
        }
        return texts;
    }

    static RecentRequests none() {
        return NONE;
    }

    /**
     * The requests, oldest first, as they are stored, their events read back from {@code table} where they are held
     * as numbers.
     *
     * @throws IllegalStateException if an event is held as a number and there is no table
     */
    public List<Seen> seen(Optional<Table> table) {
        Object[] slots = slots();
        List<Seen> seen = new ArrayList<>(numbers.length);
        for (int i = 0; i < numbers.length; i++) {
            seen.add(new Seen(requestAt(i), eventsAt(i, slots, table)));
        }
        return List.copyOf(seen);
    }

    /**
     * The requests of a value that holds every event as it is (made from a list, or without a table).
     *
     * @throws IllegalStateException if an event is held as a number
     */
    public List<Seen> seen() {
        return seen(Optional.empty());
    }

    /** The request with this id, its events read back from {@code table} where held as numbers. */
    Optional<Seen> find(String requestId, Table table) {
        return find(requestId, Optional.of(table));
    }

    /** As {@link #find(String, Table)}, for a value that holds every event as it is. */
    Optional<Seen> find(String requestId) {
        return find(requestId, Optional.empty());
    }

    private Optional<Seen> find(String requestId, Optional<Table> table) {
        int at = indexOf(requestId);
        return at < 0 ? Optional.empty() : Optional.of(new Seen(requestAt(at), eventsAt(at, slots(), table)));
    }

    /** Adds an event, held as it is, to its request's entry (see {@link #with(RequestRef, Event, Table)}). */
    RecentRequests with(RequestRef request, Event event) {
        return with(request, event, Optional.empty());
    }

    /**
     * Adds an event to its request's entry, starting one (and dropping the oldest) if it is new; a request's only
     * event is held as a number where {@code table}, the table after the event, gives it back equal.
     */
    RecentRequests with(RequestRef request, Event event, Table table) {
        return with(request, event, Optional.of(table));
    }

    private RecentRequests with(RequestRef request, Event event, Optional<Table> table) {
        int at = indexOf(request.id());
        int size = numbers.length;
        Object[] slots = slots();
        if (at >= 0) {
            long[] nextBits = bits.clone();
            String[] nextTexts = put(nextBits, texts == null ? null : texts.clone(), size, at, request);
            List<Event> more = new ArrayList<>(eventsAt(at, slots, table));
            more.add(event);
            int[] nextNumbers = numbers.clone();
            nextNumbers[at] = EventNumbers.NONE;
            slots[at] = List.copyOf(more);
            return new RecentRequests(nextBits, noneHeld(nextTexts), nextNumbers, held(nextNumbers, slots), numbered);
        }
        int drop = size + 1 > LIMIT ? 1 : 0;
        int kept = size - drop;
        long[] nextBits = new long[(kept + 1) * WORDS];
        System.arraycopy(bits, drop * WORDS, nextBits, 0, kept * WORDS);
        String[] nextTexts = texts == null ? null : Arrays.copyOfRange(texts, drop * 2, (size + 1) * 2);
        nextTexts = put(nextBits, nextTexts, kept + 1, kept, request);
        int number = table.map(t -> EventNumbers.numberOf(event, t)).orElse(EventNumbers.NONE);
        int[] nextNumbers = Arrays.copyOfRange(numbers, drop, size + 1);
        nextNumbers[kept] = number;
        Object[] nextSlots = Arrays.copyOfRange(slots, drop, size + 1);
        nextSlots[kept] = number == EventNumbers.NONE ? event : null;
        return new RecentRequests(
                nextBits,
                noneHeld(nextTexts),
                nextNumbers,
                held(nextNumbers, nextSlots),
                numbered && table.isPresent());
    }

    /**
     * Ready for {@code event} to be applied to {@code table}: an event held as a number that {@code event} would
     * change (a voiding when the entry is voided again, a joining when the player is renamed) is read back now and
     * held as it is.
     */
    RecentRequests before(Event event, Table table) {
        int changed = EventNumbers.changedBy(event);
        if (changed == EventNumbers.NONE || Arrays.stream(numbers).noneMatch(n -> n == changed)) {
            return this;
        }
        Object[] slots = slots();
        int[] nextNumbers = numbers.clone();
        for (int i = 0; i < nextNumbers.length; i++) {
            if (nextNumbers[i] == changed) {
                slots[i] = EventNumbers.of(table, changed);
                nextNumbers[i] = EventNumbers.NONE;
            }
        }
        return new RecentRequests(bits, texts, nextNumbers, held(nextNumbers, slots), numbered);
    }

    /**
     * These requests with every event {@code table} gives back equal held as its number: what a snapshot's list
     * (read with events) becomes once its table is known. This value itself if that was done.
     */
    RecentRequests numberedIn(Table table) {
        if (numbered) {
            return this;
        }
        Object[] slots = slots();
        int[] nextNumbers = numbers.clone();
        for (int i = 0; i < nextNumbers.length; i++) {
            if (nextNumbers[i] == EventNumbers.NONE && slots[i] instanceof Event one) {
                nextNumbers[i] = EventNumbers.numberOf(one, table);
            }
        }
        return new RecentRequests(bits, texts, nextNumbers, held(nextNumbers, slots), true);
    }

    /** How many requests hold their event as a number (for tests and the heap's accounting). */
    int heldAsNumbers() {
        return (int) Arrays.stream(numbers).filter(n -> n != EventNumbers.NONE).count();
    }

    /** Per request, what {@link #held} holds for it, or null where it has a number. */
    private Object[] slots() {
        Object[] slots = new Object[numbers.length];
        for (int i = 0, h = 0; i < numbers.length; i++) {
            slots[i] = numbers[i] == EventNumbers.NONE ? held[h++] : null;
        }
        return slots;
    }

    /** {@link #held} for these numbers and slots: the slots of the requests without a number, or null if none. */
    private static Object[] held(int[] numbers, Object[] slots) {
        int count = 0;
        for (int number : numbers) {
            count += number == EventNumbers.NONE ? 1 : 0;
        }
        if (count == 0) {
            return null;
        }
        Object[] held = new Object[count];
        for (int i = 0, h = 0; i < numbers.length; i++) {
            if (numbers[i] == EventNumbers.NONE) {
                held[h++] = slots[i];
            }
        }
        return held;
    }

    /**
     * Writes {@code request} as request {@code i} of {@code size}: as bits where it can, else as text; the texts, made
     * here if one is needed and there were none.
     */
    private static String[] put(long[] bits, String[] texts, int size, int i, RequestRef request) {
        int b = i * WORDS;
        boolean idAsBits = Bits128.isUuid(request.id());
        boolean fingerprintAsBits = Bits128.isHex(request.fingerprint());
        bits[b] = idAsBits ? Bits128.high(request.id()) : 0;
        bits[b + 1] = idAsBits ? Bits128.low(request.id()) : 0;
        bits[b + 2] = fingerprintAsBits ? Bits128.high(request.fingerprint()) : 0;
        bits[b + 3] = fingerprintAsBits ? Bits128.low(request.fingerprint()) : 0;
        if (texts == null && idAsBits && fingerprintAsBits) {
            return null;
        }
        String[] held = texts == null ? new String[size * 2] : texts;
        held[i * 2] = idAsBits ? null : request.id();
        held[i * 2 + 1] = fingerprintAsBits ? null : request.fingerprint();
        return held;
    }

    /** The texts, or null if none is held any more (the last request that needed one was dropped or replaced). */
    private static String[] noneHeld(String[] texts) {
        if (texts == null) {
            return null;
        }
        for (String text : texts) {
            if (text != null) {
                return texts;
            }
        }
        return null;
    }

    /** The first request with this id, or -1. */
    private int indexOf(String requestId) {
        boolean asBits = Bits128.isUuid(requestId);
        long high = asBits ? Bits128.high(requestId) : 0;
        long low = asBits ? Bits128.low(requestId) : 0;
        for (int i = 0; i < numbers.length; i++) {
            String text = texts == null ? null : texts[i * 2];
            boolean same = asBits
                    ? text == null && bits[i * WORDS] == high && bits[i * WORDS + 1] == low
                    : requestId.equals(text);
            if (same) {
                return i;
            }
        }
        return -1;
    }

    private RequestRef requestAt(int i) {
        String id = texts != null && texts[i * 2] != null
                ? texts[i * 2]
                : Bits128.uuid(bits[i * WORDS], bits[i * WORDS + 1]);
        String fingerprint = texts != null && texts[i * 2 + 1] != null
                ? texts[i * 2 + 1]
                : Bits128.hex(bits[i * WORDS + 2], bits[i * WORDS + 3]);
        return new RequestRef(id, fingerprint);
    }

    @SuppressWarnings("unchecked")
    private List<Event> eventsAt(int i, Object[] slots, Optional<Table> table) {
        if (numbers[i] != EventNumbers.NONE) {
            Table t = table.orElseThrow(() -> new IllegalStateException(
                    "request " + i + " holds its event as number " + numbers[i] + ": reading it needs the table"));
            return List.of(EventNumbers.of(t, numbers[i]));
        }
        return slots[i] instanceof Event one ? List.of(one) : (List<Event>) slots[i];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecentRequests that
                && Arrays.equals(bits, that.bits)
                && Arrays.equals(texts, that.texts)
                && Arrays.equals(numbers, that.numbers)
                && Arrays.equals(held, that.held);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits) * 31 + Arrays.hashCode(numbers);
    }

    @Override
    public String toString() {
        Object[] slots = slots();
        StringBuilder text = new StringBuilder("RecentRequests[");
        for (int i = 0; i < numbers.length; i++) {
            text.append(i == 0 ? "" : ", ").append(requestAt(i)).append(": ");
            text.append(numbers[i] != EventNumbers.NONE ? "event number " + numbers[i] : String.valueOf(slots[i]));
        }
        return text.append(']').toString();
    }
}

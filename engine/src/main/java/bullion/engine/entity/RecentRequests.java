package bullion.engine.entity;

import bullion.core.Event;
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
 * each ({@link Bits128}) and the event a request recorded as it is, about 100 bytes a request instead of about 290
 * (a {@code Seen}, its {@code RequestRef}, two strings and a list): a live table keeps up to 256 of them all night
 * (BENCHMARKS.md, "Idle tables"). A value is immutable and equal to another with the same list.
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

    private static final RecentRequests NONE = new RecentRequests(new long[0], null, new Object[0]);

    /** Per request, oldest first, {@link #WORDS} numbers; those of a text held in {@link #texts} are zero. */
    private final long[] bits;
    /**
     * Per request, its id then its fingerprint where {@link Bits128} cannot hold them (null where it can); the array
     * itself is null while every one is held as bits.
     */
    private final String[] texts;
    /** Per request, the one {@link Event} it recorded, or the {@code List<Event>} of all it recorded. */
    private final Object[] events;

    private RecentRequests(long[] bits, String[] texts, Object[] events) {
        this.bits = bits;
        this.texts = texts;
        this.events = events;
    }

    /** These requests, oldest first. */
    public RecentRequests(List<Seen> seen) {
        this(new long[seen.size() * WORDS], new Object[seen.size()], seen);
    }

    private RecentRequests(long[] bits, Object[] events, List<Seen> seen) {
        this(bits, fill(bits, events, seen), events);
    }

    /** Writes {@code seen} into the arrays; the texts, or null if none is needed. */
    private static String[] fill(long[] bits, Object[] events, List<Seen> seen) {
        String[] texts = null;
        for (int i = 0; i < seen.size(); i++) {
            Seen s = seen.get(i);
            texts = put(bits, texts, seen.size(), i, s.request());
            events[i] = s.events().size() == 1 ? s.events().getFirst() : s.events();
        }
        return texts;
    }

    static RecentRequests none() {
        return NONE;
    }

    /** The requests, oldest first, as they are stored. */
    public List<Seen> seen() {
        List<Seen> seen = new ArrayList<>(events.length);
        for (int i = 0; i < events.length; i++) {
            seen.add(seenAt(i));
        }
        return List.copyOf(seen);
    }

    Optional<Seen> find(String requestId) {
        int at = indexOf(requestId);
        return at < 0 ? Optional.empty() : Optional.of(seenAt(at));
    }

    /** Adds an event to its request's entry, starting one (and dropping the oldest) if it is new. */
    RecentRequests with(RequestRef request, Event event) {
        int at = indexOf(request.id());
        int size = events.length;
        if (at >= 0) {
            long[] nextBits = bits.clone();
            String[] nextTexts = put(nextBits, texts == null ? null : texts.clone(), size, at, request);
            Object[] nextEvents = events.clone();
            List<Event> more = new ArrayList<>(eventsAt(at));
            more.add(event);
            nextEvents[at] = List.copyOf(more);
            return new RecentRequests(nextBits, noneHeld(nextTexts), nextEvents);
        }
        int drop = size + 1 > LIMIT ? 1 : 0;
        int kept = size - drop;
        long[] nextBits = new long[(kept + 1) * WORDS];
        System.arraycopy(bits, drop * WORDS, nextBits, 0, kept * WORDS);
        String[] nextTexts = texts == null ? null : Arrays.copyOfRange(texts, drop * 2, (size + 1) * 2);
        nextTexts = put(nextBits, nextTexts, kept + 1, kept, request);
        Object[] nextEvents = Arrays.copyOfRange(events, drop, size + 1);
        nextEvents[kept] = event;
        return new RecentRequests(nextBits, noneHeld(nextTexts), nextEvents);
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
        for (int i = 0; i < events.length; i++) {
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

    private Seen seenAt(int i) {
        String id = texts != null && texts[i * 2] != null
                ? texts[i * 2]
                : Bits128.uuid(bits[i * WORDS], bits[i * WORDS + 1]);
        String fingerprint = texts != null && texts[i * 2 + 1] != null
                ? texts[i * 2 + 1]
                : Bits128.hex(bits[i * WORDS + 2], bits[i * WORDS + 3]);
        return new Seen(new RequestRef(id, fingerprint), eventsAt(i));
    }

    @SuppressWarnings("unchecked")
    private List<Event> eventsAt(int i) {
        return events[i] instanceof Event one ? List.of(one) : (List<Event>) events[i];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecentRequests that && seen().equals(that.seen());
    }

    @Override
    public int hashCode() {
        return seen().hashCode();
    }

    @Override
    public String toString() {
        return "RecentRequests[seen=" + seen() + "]";
    }
}

package bullion.web.pages;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The request ids of one render's forms (each form's hidden {@code requestId}, so that a double tap records one change,
 * not two): one random UUID drawn per render, and each form's number after it ({@code …-17}). Unique across forms and
 * renders and as hard to guess as a UUID, for one draw from the shared {@code SecureRandom} instead of one per form: a
 * manage page of 60 entries and 8 players has over a hundred forms. Used on one thread, by one render.
 */
final class FormRequestIds implements Supplier<String> {

    private final String base = UUID.randomUUID().toString();
    private int next;

    /** The random part every id of this render starts with: {@link #LENGTH} ASCII characters. */
    String base() {
        return base;
    }

    /** How long {@link #base()} is: a UUID's text. */
    static final int LENGTH = 36;

    @Override
    public String get() {
        return base + "-" + ++next;
    }
}

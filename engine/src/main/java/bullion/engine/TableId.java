package bullion.engine;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** A table's public id: 128 random bits, URL-safe base64 without padding (22 characters). */
public record TableId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public TableId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a table id");
        }
    }

    public static TableId random() {
        return new TableId(Secrets.randomUrlSafe(RANDOM, 16));
    }

    /** The id in {@code text}, or empty if it cannot be one (so no actor is ever started for it). */
    public static Optional<TableId> parse(String text) {
        return text != null && SHAPE.matcher(text).matches() ? Optional.of(new TableId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }

    /** Random URL-safe strings for ids and tokens. */
    static final class Secrets {
        private Secrets() {}

        static String randomUrlSafe(SecureRandom random, int bytes) {
            byte[] buffer = new byte[bytes];
            random.nextBytes(buffer);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
        }
    }
}

package bullion.engine;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** A table's public id: 128 random bits, URL-safe base64 without padding (22 characters). */
public record TableId(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public TableId {
        if (!hasShape(value)) {
            throw new IllegalArgumentException("not a table id");
        }
    }

    public static TableId random() {
        return new TableId(Secrets.randomUrlSafe(RANDOM, 16));
    }

    /** The id in {@code text}, or empty if it cannot be one (so no actor is ever started for it). */
    public static Optional<TableId> parse(String text) {
        return hasShape(text) ? Optional.of(new TableId(text)) : Optional.empty();
    }

    /**
     * Whether {@code text} is 22 characters of {@code [A-Za-z0-9_-]}. A loop rather than a regular expression: every
     * request to a table checks its id twice (parse, then this record's constructor), and the pattern's matcher was
     * a measurable part of a read's CPU (issue 14).
     */
    static boolean hasShape(String text) {
        if (text == null || text.length() != 22) {
            return false;
        }
        for (int i = 0; i < 22; i++) {
            if (!urlSafe(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean urlSafe(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
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

package bullion.core;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a typed name: trimmed, in Unicode NFC, a length in characters (code points), no control characters
 * and nothing invisible, so that two names that look the same are the same name. Public so that a group's members
 * ({@code bullion.core.group}) follow exactly the rules of a table's players.
 */
public final class Names {

    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int VARIATION_SELECTOR_16 = 0xFE0F;

    private Names() {}

    /** The name as it is kept: trimmed and in NFC. */
    public static String normalized(String raw) {
        return Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
    }

    /** Whether two names read the same: equal after NFC, ignoring case. */
    public static boolean sameName(String a, String b) {
        return normalized(a).toLowerCase(Locale.ROOT).equals(normalized(b).toLowerCase(Locale.ROOT));
    }

    /** The problem with {@code raw} as a sentence fragment ("must not be empty"), or empty if it is fine. */
    public static Optional<String> problem(String raw, int maxLength) {
        if (raw == null || raw.strip().isEmpty()) {
            return Optional.of("must not be empty");
        }
        String name = normalized(raw);
        int length = name.codePointCount(0, name.length());
        if (length > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters, not " + length);
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        int[] points = name.codePoints().toArray();
        for (int i = 0; i < points.length; i++) {
            if (invisible(points, i)) {
                return Optional.of(String.format("must not contain invisible characters (U+%04X)", points[i]));
            }
        }
        return Optional.empty();
    }

    /**
     * Zero-width and other characters that show nothing: format characters (zero-width space, joiners, marks,
     * BOM), blank fillers and spaces other than the plain one. A zero-width joiner is kept inside an emoji
     * sequence (👨‍👩‍👧), where it draws one picture from several.
     */
    private static boolean invisible(int[] points, int i) {
        int c = points[i];
        if (c == ZERO_WIDTH_JOINER) {
            return i == 0 || i == points.length - 1 || !emojiPart(points[i - 1]) || !emojiPart(points[i + 1]);
        }
        if (Character.getType(c) == Character.FORMAT) {
            return true;
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return c != ' ';
        }
        return switch (c) {
            case 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x2800, 0x3164, 0xFFA0 -> true;
            default -> false;
        };
    }

    private static boolean emojiPart(int c) {
        return Character.getType(c) == Character.OTHER_SYMBOL
                || c == VARIATION_SELECTOR_16
                || (c >= 0x1F3FB && c <= 0x1F3FF);
    }
}

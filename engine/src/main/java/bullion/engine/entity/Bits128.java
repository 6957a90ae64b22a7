package bullion.engine.entity;

import java.util.HexFormat;

/**
 * The two text shapes of 128 bits that every request brings: a request id as the pages make it (a UUID in its
 * canonical lower-case form, 36 characters) and a fingerprint (32 lower-case hex digits). Held as two {@code long}s
 * (16 bytes) instead of a string (72-80 bytes) by {@link RecentRequests}; only text that reads back exactly the same
 * is held so, anything else stays text.
 */
final class Bits128 {

    private static final HexFormat HEX = HexFormat.of();

    private Bits128() {}

    /** Whether {@code text} is a UUID in canonical lower-case form, which {@link #uuid} gives back exactly. */
    static boolean isUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isLowerHex(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} is 32 lower-case hex digits, which {@link #hex} gives back exactly. */
    static boolean isHex(String text) {
        if (text.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            if (!isLowerHex(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The high 64 bits of a text for which {@link #isUuid} or {@link #isHex} holds. */
    static long high(String text) {
        return text.length() == 36
                ? HexFormat.fromHexDigitsToLong(text.substring(0, 8) + text.substring(9, 13) + text.substring(14, 18))
                : HexFormat.fromHexDigitsToLong(text, 0, 16);
    }

    /** The low 64 bits of a text for which {@link #isUuid} or {@link #isHex} holds. */
    static long low(String text) {
        return text.length() == 36
                ? HexFormat.fromHexDigitsToLong(text.substring(19, 23) + text.substring(24, 36))
                : HexFormat.fromHexDigitsToLong(text, 16, 32);
    }

    /** The canonical UUID text of these bits. */
    static String uuid(long high, long low) {
        String h = HEX.toHexDigits(high);
        String l = HEX.toHexDigits(low);
        return h.substring(0, 8)
                + '-'
                + h.substring(8, 12)
                + '-'
                + h.substring(12, 16)
                + '-'
                + l.substring(0, 4)
                + '-'
                + l.substring(4, 16);
    }

    /** The 32 hex digits of these bits. */
    static String hex(long high, long low) {
        return HEX.toHexDigits(high) + HEX.toHexDigits(low);
    }

    private static boolean isLowerHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}

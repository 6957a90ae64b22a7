package bullion.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret in a table's manage link: 256 random bits, URL-safe. Tables store only its SHA-256 hash (a
 * slow password hash buys nothing against a 256-bit random secret), and compare in constant time.
 */
public final class ManageToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ManageToken() {}

    public static String generate() {
        return TableId.Secrets.randomUrlSafe(RANDOM, 32);
    }

    public static String hash(String token) {
        return HexFormat.of().formatHex(Sha256.of(token));
    }

    public static boolean matches(String token, String expectedHash) {
        if (token == null || expectedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(token).getBytes(StandardCharsets.US_ASCII), expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}

package bullion.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK has SHA-256", impossible);
    }
  }

  public static boolean matches(String token, String expectedHash) {
    if (token == null || expectedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
        expectedHash.getBytes(StandardCharsets.US_ASCII));
  }
}

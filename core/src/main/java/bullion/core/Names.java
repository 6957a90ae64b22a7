package bullion.core;

import java.util.Optional;

/** Checks a typed name: trimmed, a length in characters (code points), no control characters. */
final class Names {

  private Names() {}

  /** The problem with {@code raw} as a sentence fragment ("must not be empty"), or empty if it is fine. */
  static Optional<String> problem(String raw, int maxLength) {
    if (raw == null || raw.strip().isEmpty()) {
      return Optional.of("must not be empty");
    }
    String name = raw.strip();
    int length = name.codePointCount(0, name.length());
    if (length > maxLength) {
      return Optional.of("must be at most " + maxLength + " characters, not " + length);
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("must not contain control characters");
    }
    return Optional.empty();
  }
}

package bullion.engine;

import java.security.SecureRandom;
import java.util.Optional;

/** A group's public id: 128 random bits, URL-safe base64 without padding (22 characters), like a table's. */
public record GroupId(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public GroupId {
        if (!TableId.hasShape(value)) {
            throw new IllegalArgumentException("not a group id");
        }
    }

    public static GroupId random() {
        return new GroupId(TableId.Secrets.randomUrlSafe(RANDOM, 16));
    }

    /** The id in {@code text}, or empty if it cannot be one (so no group process is ever started for it). */
    public static Optional<GroupId> parse(String text) {
        return TableId.hasShape(text) ? Optional.of(new GroupId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}

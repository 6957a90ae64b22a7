package bullion.core;

import java.util.Map;
import java.util.Objects;

/**
 * Someone at the table. The id is given when they join and is never reused within the table; the name may
 * change. {@code payHandles} are their handles on payment apps, already checked by {@link PayHandles}.
 */
public record Player(int id, String name, Map<PayApp, String> payHandles) {

    public Player(int id, String name) {
        this(id, name, Map.of());
    }

    public Player {
        Objects.requireNonNull(name, "name");
        payHandles = payHandles == null ? Map.of() : Map.copyOf(payHandles);
        if (id <= 0) {
            throw new IllegalArgumentException("player ids start at 1");
        }
    }

    Player renamed(String newName) {
        return new Player(id, newName, payHandles);
    }

    Player withHandles(Map<PayApp, String> handles) {
        return new Player(id, name, handles);
    }
}

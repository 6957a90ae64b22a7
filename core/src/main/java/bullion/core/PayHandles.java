package bullion.core;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Checks the pay handles a player gives: each against its service's rule, its sign and spaces stripped. */
public final class PayHandles {

    private PayHandles() {}

    /** A handle as it is kept: trimmed, without a leading "@" or "$" and, for Revolut, lowercase. */
    public static String normalized(PayApp app, String raw) {
        String handle = raw.strip();
        if (handle.startsWith("@") || handle.startsWith("$")) {
            handle = handle.substring(1);
        }
        return app == PayApp.REVOLUT ? handle.toLowerCase(Locale.ROOT) : handle;
    }

    /**
     * The handles as they are kept, blank ones left out (a blank handle removes it), or the first that breaks its
     * service's rule.
     */
    static Result check(Map<PayApp, String> raw) {
        Map<PayApp, String> kept = new EnumMap<>(PayApp.class);
        for (PayApp app : PayApp.values()) {
            String given = raw.get(app);
            if (given == null || given.isBlank()) {
                continue;
            }
            String handle = normalized(app, given);
            if (!app.accepts(handle)) {
                return new Result(
                        Map.of(), Optional.of(new Rejection.InvalidPayHandle(app, given.strip(), app.ruleText())));
            }
            kept.put(app, handle);
        }
        return new Result(kept, Optional.empty());
    }

    record Result(Map<PayApp, String> handles, Optional<Rejection> problem) {}
}

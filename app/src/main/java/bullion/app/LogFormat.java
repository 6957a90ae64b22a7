package bullion.app;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;
import java.util.Map;

/**
 * {@code BULLION_LOG_FORMAT}: {@code text} (the default, for people) or {@code json} (one JSON object a line, for a log
 * collector). Logback reads it through this class ({@code <define>} in logback.xml) before {@code Main} runs, to pick
 * the appender; a value that is neither falls back to text there, and {@link Environment} refuses it by name.
 */
public final class LogFormat extends PropertyDefinerBase {

    static final String VARIABLE = "BULLION_LOG_FORMAT";
    static final String DEFAULT = "text";

    /** The appender logback.xml routes every line to: {@code text} or {@code json}. */
    @Override
    public String getPropertyValue() {
        String format = normalized(System.getenv(VARIABLE));
        return format.equals("json") ? "json" : DEFAULT;
    }

    /** @throws IllegalArgumentException unless the variable is unset, blank, {@code text} or {@code json} */
    static String of(Map<String, String> env) {
        String format = normalized(env.get(VARIABLE));
        if (!(format.equals("text") || format.equals("json"))) {
            throw new IllegalArgumentException(VARIABLE + " must be text or json, not \"" + env.get(VARIABLE) + "\"");
        }
        return format;
    }

    private static String normalized(String value) {
        return value == null || value.isBlank() ? DEFAULT : value.strip().toLowerCase(Locale.ROOT);
    }
}

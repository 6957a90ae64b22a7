package bullion.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Command-line options: {@code --name value} or {@code --name=value}; {@code --server-env K=V} may repeat. */
public record Options(Map<String, String> values, List<String> serverEnv, List<String> rest) {

    public static Options parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> serverEnv = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                rest.add(arg);
                continue;
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                name = arg.substring(2);
                value = args.get(++i);
            }
            if (name.equals("server-env")) {
                serverEnv.add(value);
            } else {
                values.put(name, value);
            }
        }
        return new Options(Map.copyOf(values), List.copyOf(serverEnv), List.copyOf(rest));
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return get(name).map(Integer::parseInt).orElse(fallback);
    }

    public double decimal(String name, double fallback) {
        return get(name).map(Double::parseDouble).orElse(fallback);
    }

    /** The server-env entries as a map. */
    public Map<String, String> serverEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : serverEnv) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--server-env takes NAME=VALUE, not " + entry);
            }
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return env;
    }
}

package bullion.web.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4 (the Java client has writers only): every line is a
 * {@code # HELP}, a {@code # TYPE} or a sample; a sample's family must have been typed before it, with a suffix its
 * type allows; names, labels and escapes follow the format; no series appears twice; a histogram's buckets are
 * cumulative and its {@code +Inf} bucket equals its count. Anything else throws, naming the line.
 */
final class PrometheusText {

    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    static PrometheusText parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the text does not end with a newline");
        }
        Map<String, String> types = new HashMap<>();
        List<Sample> samples = new ArrayList<>();
        Set<String> series = new java.util.HashSet<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.startsWith("# TYPE ")) {
                    String[] parts = line.substring(7).split(" ");
                    require(parts.length == 2 && NAME.matcher(parts[0]).matches(), "a TYPE line: name and type");
                    require(TYPES.contains(parts[1]), "a known type");
                    require(types.put(parts[0], parts[1]) == null, "one TYPE per family");
                } else if (line.startsWith("# HELP ")) {
                    String name = line.substring(7).split(" ", 2)[0];
                    require(NAME.matcher(name).matches(), "a HELP line naming a metric");
                } else if (line.startsWith("#")) {
                    // Any other comment is allowed by the format.
                } else {
                    Sample sample = sample(line);
                    String type = familyType(sample.name(), types)
                            .orElseThrow(() -> new IllegalArgumentException("a sample of a family with no TYPE"));
                    require(type != null, "typed");
                    require(series.add(sample.name() + sample.labels()), "each series once");
                    samples.add(sample);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + " (" + line + "): expected " + e.getMessage(), e);
            }
        }
        PrometheusText parsed = new PrometheusText(samples);
        parsed.checkHistograms(types);
        return parsed;
    }

    /** The type of the family {@code name} belongs to, by the suffixes each type allows. */
    private static Optional<String> familyType(String name, Map<String, String> types) {
        if ("gauge".equals(types.get(name)) || "untyped".equals(types.get(name))) {
            return Optional.of(types.get(name));
        }
        for (String suffix : List.of("_total", "_created")) {
            if (name.endsWith(suffix) && "counter".equals(types.get(base(name, suffix)))) {
                return Optional.of("counter");
            }
        }
        if ("counter".equals(types.get(name))) {
            return Optional.of("counter");
        }
        for (String suffix : List.of("_bucket", "_sum", "_count", "_created")) {
            String type = name.endsWith(suffix) ? types.get(base(name, suffix)) : null;
            if ("histogram".equals(type) || ("summary".equals(type) && !suffix.equals("_bucket"))) {
                return Optional.of(type);
            }
        }
        if ("summary".equals(types.get(name))) {
            return Optional.of("summary");
        }
        return Optional.empty();
    }

    private static String base(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }

    private static Sample sample(String line) {
        Matcher name = Pattern.compile("^" + NAME.pattern()).matcher(line);
        require(name.find(), "a metric name");
        int at = name.end();
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at++;
            while (line.charAt(at) != '}') {
                int equals = line.indexOf('=', at);
                require(equals > at, "label=\"value\"");
                String label = line.substring(at, equals);
                require(LABEL_NAME.matcher(label).matches(), "a label name, not " + label);
                require(line.charAt(equals + 1) == '"', "a quoted label value");
                StringBuilder value = new StringBuilder();
                int i = equals + 2;
                for (; line.charAt(i) != '"'; i++) {
                    char c = line.charAt(i);
                    if (c == '\\') {
                        char escaped = line.charAt(++i);
                        value.append(
                                switch (escaped) {
                                    case '\\' -> '\\';
                                    case '"' -> '"';
                                    case 'n' -> '\n';
                                    default -> throw new IllegalArgumentException("an escape \\\\, \\\" or \\n");
                                });
                    } else {
                        value.append(c);
                    }
                }
                require(labels.put(label, value.toString()) == null, "each label once");
                at = i + 1;
                if (line.charAt(at) == ',') {
                    at++;
                }
            }
            at++;
        }
        require(at < line.length() && line.charAt(at) == ' ', "a space before the value");
        String[] rest = line.substring(at + 1).split(" ");
        require(rest.length == 1 || rest.length == 2, "a value and an optional timestamp");
        double value = switch (rest[0]) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(rest[0]);
        };
        if (rest.length == 2) {
            Long.parseLong(rest[1]);
        }
        return new Sample(line.substring(0, name.end()), labels, value);
    }

    private void checkHistograms(Map<String, String> types) {
        types.forEach((family, type) -> {
            if (!type.equals("histogram")) {
                return;
            }
            Map<Map<String, String>, List<Sample>> bySeries = new HashMap<>();
            for (Sample s : samples) {
                if (s.name().equals(family + "_bucket")) {
                    Map<String, String> rest = new HashMap<>(s.labels());
                    require(rest.remove("le") != null, "an le label on " + family + "_bucket");
                    bySeries.computeIfAbsent(rest, k -> new ArrayList<>()).add(s);
                }
            }
            bySeries.forEach((labels, buckets) -> {
                double previous = 0;
                for (Sample bucket : buckets) {
                    require(bucket.value() >= previous, "cumulative buckets in " + family + labels);
                    previous = bucket.value();
                }
                Sample last = buckets.get(buckets.size() - 1);
                require(last.labels().get("le").equals("+Inf"), "a last bucket of +Inf in " + family + labels);
                require(last.value() == value(family + "_count", labels), "the +Inf bucket equal to the count");
            });
        });
    }

    /** The value of the one series {@code name} with exactly {@code labels}; 0 if there is none. */
    double value(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().equals(labels))
                .mapToDouble(Sample::value)
                .findFirst()
                .orElse(0);
    }

    List<Sample> samples() {
        return samples;
    }

    private static void require(boolean condition, String expected) {
        if (!condition) {
            throw new IllegalArgumentException(expected);
        }
    }
}

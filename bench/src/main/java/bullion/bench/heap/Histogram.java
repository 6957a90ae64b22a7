package bullion.bench.heap;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.ObjectName;

/**
 * The JVM's class histogram of live objects ({@code jcmd GC.class_histogram}, which collects first), read through
 * the diagnostic command MBean so the scenario needs no tool beside it: bytes and instances by class name.
 */
record Histogram(Map<String, long[]> byClass) {

    static Histogram now() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : text.split("\n")) {
            // " 1:   123456   7890123  java.lang.String (java.base@25)"
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                byClass.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        return new Histogram(byClass);
    }

    /** What grew from {@code before} to this: instances and bytes per class. */
    Map<String, long[]> minus(Histogram before) {
        Map<String, long[]> grown = new HashMap<>();
        byClass.forEach((name, now) -> {
            long[] then = before.byClass.getOrDefault(name, new long[2]);
            grown.put(name, new long[] {now[0] - then[0], now[1] - then[1]});
        });
        return grown;
    }
}

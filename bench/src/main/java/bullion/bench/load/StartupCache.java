package bullion.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The start-up cache options of the README's launcher ({@code ./bullion}), so the bench starts Bullion as users do. On
 * JDK 25+ an AOT cache beside the jar, named by the JDK's version: used when it is newer than the jar, else recorded by
 * this run and written as it stops. Before 25, class-data sharing: the archive beside the jar, which the JVM writes
 * itself when it has none. The child runs on this bench's JDK, so {@link Runtime#version()} picks.
 */
public record StartupCache(Path file, List<String> options, boolean current) {

    /** The first JDK whose AOT cache the launcher uses (JEP 514's one-step {@code -XX:AOTCacheOutput}). */
    static final int AOT_FROM = 25;

    public static StartupCache of(Path appJar) {
        return of(appJar, Runtime.version());
    }

    static StartupCache of(Path appJar, Runtime.Version jdk) {
        Path jar = appJar.toAbsolutePath();
        String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        if (jdk.feature() >= AOT_FROM) {
            // As the launcher names it, by the JDK's version (its release file's JAVA_VERSION, e.g. 25.0.3).
            String version = jdk.version().stream().map(String::valueOf).collect(Collectors.joining("."));
            Path cache = jar.resolveSibling(base + "-" + version + ".aot");
            boolean current = newer(cache, jar);
            return new StartupCache(
                    cache,
                    List.of(
                            (current ? "-XX:AOTCache=" : "-XX:AOTCacheOutput=") + cache,
                            "-Xlog:aot=off",
                            "-Xlog:cds=off"),
                    current);
        }
        Path archive = jar.resolveSibling(base + ".jsa");
        return new StartupCache(
                archive,
                List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off"),
                Files.exists(archive));
    }

    /** How the bench's printout names it: which cache, and whether this start uses one or writes it. */
    public String describe() {
        String kind = file.getFileName().toString().endsWith(".aot") ? "AOT cache" : "class-data sharing archive";
        return kind + ": " + (current ? "present" : "none yet, this run writes it");
    }

    /** As the launcher's {@code [ "$cache" -nt "$jar" ]}. */
    private static boolean newer(Path file, Path than) {
        try {
            return Files.exists(file) && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

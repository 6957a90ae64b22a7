package bullion.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's launcher, {@code ./bullion}, run as a user runs it from a checkout: which start-up cache it gives the
 * JVM for the JDK it finds and the cache beside the jar. The JDK is a stand-in whose {@code java} prints what it was
 * given, with the {@code release} file a real JDK has; that the JVM takes these options is the bench's smoke test's
 * part (the bench starts Bullion with the same ones).
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "bullion");

    @TempDir
    Path dir;

    private Path checkout;
    private Path jar;

    @BeforeEach
    void aCheckoutWithABuiltJar() throws IOException {
        checkout = dir.resolve("checkout");
        Files.createDirectories(checkout.resolve("app/target"));
        Files.copy(LAUNCHER, checkout.resolve("bullion"));
        executable(checkout.resolve("bullion"));
        jar = checkout.resolve("app/target/bullion.jar");
        written(jar, "2026-11-30T10:00:00Z");
    }

    @Test
    void onJdk25TheFirstRunAfterABuildRecordsAnAotCacheAndPassesItsArgumentsOn() throws Exception {
        Run run = launch(jdk("25.0.3"), "export-all", "backup/");

        assertThat(run.exit()).isZero();
        assertThat(run.output())
                .isEqualTo("-XX:AOTCacheOutput=" + cache("25.0.3") + " -Xlog:aot=off -Xlog:cds=off -jar " + jar
                        + " export-all backup/");
    }

    /**
     * The jar was built at 10:00. A cache written after it by the same JDK is used; one written before it came from
     * another build, and one of another JDK would be refused by the JVM (on every start until the next build), so the
     * run records a cache of its own.
     */
    @ParameterizedTest(name = "JDK {0}, a cache of JDK {1} written at {2}: {3}")
    @CsvSource({
        "26,     26,     2026-11-30T10:01:00Z, -XX:AOTCache=26",
        "25,     25,     2026-11-30T09:59:00Z, -XX:AOTCacheOutput=25",
        "25.0.4, 25.0.3, 2026-11-30T10:01:00Z, -XX:AOTCacheOutput=25.0.4"
    })
    void onJdk25ACurrentCacheIsUsedAndAnyOtherRecordedAgain(String jdk, String cacheOf, String at, String expected)
            throws Exception {
        written(cache(cacheOf), at);

        Run run = launch(jdk(jdk));

        String[] option = expected.split("=");
        assertThat(run.output()).startsWith(option[0] + "=" + cache(option[1]) + " ");
    }

    @Test
    void beforeJdk25ItIsClassDataSharing() throws Exception {
        Run run = launch(jdk("21.0.9"));

        assertThat(run.output())
                .isEqualTo("-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="
                        + checkout.resolve("app/target/bullion.jsa") + " -Xlog:cds=off -jar " + jar);
    }

    @Test
    void aJdkOlderThan21IsRefusedByName() throws Exception {
        Path old = jdk("17.0.15");

        Run run = launch(old);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output())
                .isEqualTo("Bullion needs a JDK 21+, and " + old.resolve("bin/java")
                        + " is 17: install one, or set JAVA_HOME to it");
    }

    @Test
    void withoutABuiltJarItSaysHowToBuildOne() throws Exception {
        Files.delete(jar);

        Run run = launch(jdk("25"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).isEqualTo(jar + " is missing: build it first with ./mvnw -q -B package -DskipTests");
    }

    /** The AOT cache the launcher names for JDK {@code version}. */
    private Path cache(String version) {
        return checkout.resolve("app/target/bullion-" + version + ".aot");
    }

    /** A JDK home whose release file says {@code version} and whose java prints its arguments on one line. */
    private Path jdk(String version) throws IOException {
        Path home = dir.resolve("jdk-" + version);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Files.writeString(home.resolve("bin/java"), "#!/bin/sh\necho \"$@\"\n");
        executable(home.resolve("bin/java"));
        return home;
    }

    private Run launch(Path javaHome, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(checkout.resolve("bullion").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    /** A file (a jar, a cache) last written {@code at}, so the launcher can tell which is newer. */
    private static void written(Path file, String at) throws IOException {
        Files.writeString(file, file.getFileName().toString());
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(at)));
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exit, String output) {}
}

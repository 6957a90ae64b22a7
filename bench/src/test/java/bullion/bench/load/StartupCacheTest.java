package bullion.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bench picks the launcher's start-up options ({@code ./bullion}) for the JDK and the cache beside the jar. */
class StartupCacheTest {

    @TempDir
    Path dir;

    @Test
    void onJdk25AJarWithoutACacheRecordsOne() throws Exception {
        Path jar = jar(Instant.parse("2026-11-30T10:00:00Z"));

        StartupCache cache = StartupCache.of(jar, Runtime.Version.parse("25.0.3"));

        assertThat(cache.current()).isFalse();
        assertThat(cache.options())
                .containsExactly(
                        "-XX:AOTCacheOutput=" + dir.resolve("bullion-25.0.3.aot"), "-Xlog:aot=off", "-Xlog:cds=off");
        assertThat(cache.describe()).isEqualTo("AOT cache: none yet, this run writes it");
    }

    /** As the launcher chooses (its {@code LauncherTest}): the jar was built at 10:00. */
    @ParameterizedTest(name = "JDK {0}, a cache of JDK {1} written at {2}: used {3}")
    @CsvSource({
        "26,     26,     2026-11-30T10:05:00Z, true,  -XX:AOTCache=26",
        "25.0.3, 25.0.3, 2026-11-30T09:00:00Z, false, -XX:AOTCacheOutput=25.0.3",
        "25.0.4, 25.0.3, 2026-11-30T10:05:00Z, false, -XX:AOTCacheOutput=25.0.4"
    })
    void onJdk25ACurrentCacheIsUsedAndAnyOtherRecordedAgain(
            String jdk, String cacheOf, String at, boolean used, String expected) throws Exception {
        Path jar = jar(Instant.parse("2026-11-30T10:00:00Z"));
        touch(dir.resolve("bullion-" + cacheOf + ".aot"), Instant.parse(at));

        StartupCache cache = StartupCache.of(jar, Runtime.Version.parse(jdk));

        String[] option = expected.split("=");
        assertThat(cache.current()).isEqualTo(used);
        assertThat(cache.options()).first().isEqualTo(option[0] + "=" + dir.resolve("bullion-" + option[1] + ".aot"));
        assertThat(cache.describe()).isEqualTo(used ? "AOT cache: present" : "AOT cache: none yet, this run writes it");
    }

    @Test
    void beforeJdk25ItIsClassDataSharingAsTheJvmWritesIt() throws Exception {
        Path jar = jar(Instant.parse("2026-11-30T10:00:00Z"));

        StartupCache none = StartupCache.of(jar, Runtime.Version.parse("21.0.9"));
        touch(dir.resolve("bullion.jsa"), Instant.parse("2026-11-30T10:05:00Z"));
        StartupCache written = StartupCache.of(jar, Runtime.Version.parse("24"));

        assertThat(none.options())
                .containsExactly(
                        "-XX:+AutoCreateSharedArchive",
                        "-XX:SharedArchiveFile=" + dir.resolve("bullion.jsa"),
                        "-Xlog:cds=off");
        assertThat(none.current()).isFalse();
        assertThat(written.current()).isTrue();
        assertThat(written.describe()).isEqualTo("class-data sharing archive: present");
    }

    private Path jar(Instant modified) throws Exception {
        return touch(dir.resolve("bullion.jar"), modified);
    }

    private static Path touch(Path file, Instant modified) throws Exception {
        Files.write(file, new byte[] {1});
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}

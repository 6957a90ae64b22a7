package bullion.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void onJdk25ACacheNewerThanTheJarIsUsed() throws Exception {
        Path jar = jar(Instant.parse("2026-11-30T10:00:00Z"));
        touch(dir.resolve("bullion-26.aot"), Instant.parse("2026-11-30T10:05:00Z"));

        StartupCache cache = StartupCache.of(jar, Runtime.Version.parse("26"));

        assertThat(cache.current()).isTrue();
        assertThat(cache.options()).first().isEqualTo("-XX:AOTCache=" + dir.resolve("bullion-26.aot"));
        assertThat(cache.describe()).isEqualTo("AOT cache: present");
    }

    @Test
    void aCacheOlderThanTheJarCameFromAnotherBuildAndIsRecordedAgain() throws Exception {
        touch(dir.resolve("bullion-25.0.3.aot"), Instant.parse("2026-11-30T09:00:00Z"));
        Path jar = jar(Instant.parse("2026-11-30T10:00:00Z"));

        StartupCache cache = StartupCache.of(jar, Runtime.Version.parse("25.0.3"));

        assertThat(cache.current()).isFalse();
        assertThat(cache.options()).first().isEqualTo("-XX:AOTCacheOutput=" + dir.resolve("bullion-25.0.3.aot"));
    }

    @Test
    void aCacheOfAnotherJdkIsLeftAndThisJdkRecordsItsOwn() throws Exception {
        Path jar = jar(Instant.parse("2026-11-30T10:00:00Z"));
        touch(dir.resolve("bullion-25.0.3.aot"), Instant.parse("2026-11-30T10:05:00Z"));

        StartupCache cache = StartupCache.of(jar, Runtime.Version.parse("25.0.4"));

        assertThat(cache.current()).isFalse();
        assertThat(cache.options()).first().isEqualTo("-XX:AOTCacheOutput=" + dir.resolve("bullion-25.0.4.aot"));
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

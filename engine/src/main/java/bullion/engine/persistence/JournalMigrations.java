package bullion.engine.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * The schema migrations this jar carries for one kind of database, named one by one: the start-up check compares them
 * with {@code flyway_schema_history}, and Flyway, when it runs, gets exactly these instead of scanning the jar's 32,000
 * entries for them. {@code JournalMigrationsTest} fails when a file in {@code db/migration/<kind>} is missing here, and
 * when a version, description or checksum differs from what Flyway's own scan finds.
 */
final class JournalMigrations {

    /** The scripts in a kind's folder, in the order they apply. */
    static List<String> scripts(DatabaseSettings.Kind kind) {
        return switch (kind) {
            case H2 ->
                List.of(
                        "V1__pekko_persistence.sql",
                        "V2__group_standings.sql",
                        "V3__drop_duplicate_ordering_index.sql");
            case POSTGRES, SQLITE -> List.of("V1__pekko_persistence.sql", "V2__group_standings.sql");
        };
    }

    /** One versioned SQL migration as Flyway records it in its history. */
    record Migration(String version, String description, String script, int checksum) {}

    private final DatabaseSettings.Kind kind;
    private final List<Migration> migrations;

    private JournalMigrations(DatabaseSettings.Kind kind, List<Migration> migrations) {
        this.kind = kind;
        this.migrations = migrations;
    }

    static JournalMigrations of(DatabaseSettings.Kind kind) {
        return new JournalMigrations(
                kind,
                scripts(kind).stream().map(script -> migration(kind, script)).toList());
    }

    List<Migration> migrations() {
        return migrations;
    }

    /** Exactly these scripts, found by name (Flyway asks for its prefixes: {@code V}, {@code R}, callbacks). */
    ResourceProvider resources() {
        Location location = new Location("classpath:" + kind.migrations());
        ClassLoader loader = JournalMigrations.class.getClassLoader();
        List<LoadableResource> resources = scripts(kind).stream()
                .<LoadableResource>map(script -> new ClassPathResource(
                        location, kind.migrations() + "/" + script, loader, StandardCharsets.UTF_8))
                .toList();
        return new ResourceProvider() {
            @Override
            public LoadableResource getResource(String name) {
                return resources.stream()
                        .filter(r -> r.getRelativePath().equals(name)
                                || r.getAbsolutePath().equals(name))
                        .findFirst()
                        .orElse(null);
            }

            @Override
            public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
                return resources.stream()
                        .filter(r -> r.getFilename().startsWith(prefix)
                                && Arrays.stream(suffixes).anyMatch(r.getFilename()::endsWith))
                        .toList();
            }
        };
    }

    /** No Java migrations: without this Flyway scans the classpath for them. */
    static ClassProvider<JavaMigration> noJavaMigrations() {
        return List::of;
    }

    /** Version and description from the name as Flyway reads it ({@code V1_2__some_thing.sql}: 1.2, "some thing"). */
    private static Migration migration(DatabaseSettings.Kind kind, String script) {
        String[] parts = script.substring(1, script.length() - ".sql".length()).split("__", 2);
        return new Migration(
                parts[0].replace('_', '.'),
                parts[1].replace('_', ' '),
                script,
                checksum(kind.migrations() + "/" + script));
    }

    /**
     * Flyway's checksum of a script (its {@code ChecksumCalculator}): CRC-32 of each line's UTF-8 bytes without the line
     * ends, a byte-order mark dropped from the first, so the same script checks the same with LF or CRLF.
     */
    static int checksum(String resource) {
        try (InputStream in = JournalMigrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the migration " + resource + " is not in the jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
            CRC32 crc = new CRC32();
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return (int) crc.getValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package bullion.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The migrations named in {@link JournalMigrations} are the ones the jar carries, as Flyway's own scan of the folder
 * finds them: a script added to a folder but not to the list would never be applied, and a checksum computed otherwise
 * than Flyway's would send every start through Flyway (or worse, skip a changed script).
 */
class JournalMigrationsTest {

    @ParameterizedTest
    @EnumSource(DatabaseSettings.Kind.class)
    void everyScriptInTheFolderIsListed(DatabaseSettings.Kind kind) throws Exception {
        URL folder = JournalMigrations.class.getClassLoader().getResource(kind.migrations());
        assertThat(folder).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(JournalMigrations.scripts(kind));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseSettings.Kind.class)
    void versionsDescriptionsAndChecksumsAreFlywaysOwn(DatabaseSettings.Kind kind) {
        // Flyway as it ran before: scanning the folder (resolving reads no database; an in-memory one suffices).
        MigrationInfo[] scanned = Flyway.configure()
                .dataSource("jdbc:h2:mem:journal-migrations-" + kind, "sa", "")
                .locations("classpath:" + kind.migrations())
                .load()
                .info()
                .all();
        assertThat(JournalMigrations.of(kind).migrations())
                .extracting(m -> m.version() + " | " + m.description() + " | " + m.script() + " | " + m.checksum())
                .containsExactly(Stream.of(scanned)
                        .map(i -> i.getVersion().getVersion() + " | " + i.getDescription() + " | " + i.getScript()
                                + " | " + i.getChecksum())
                        .toArray(String[]::new));
    }
}

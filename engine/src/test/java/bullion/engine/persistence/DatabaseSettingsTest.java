package bullion.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which database a data directory or a url gives, and where its file lives. */
class DatabaseSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void aNewDataDirectoryGetsSqliteInBullionDb() {
        DatabaseSettings db = DatabaseSettings.embedded(dataDir);
        assertThat(db.kind()).isEqualTo(DatabaseSettings.Kind.SQLITE);
        assertThat(db.url())
                .isEqualTo("jdbc:sqlite:" + dataDir.toAbsolutePath().resolve("bullion.db")
                        + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000");
    }

    @Test
    void aDataDirectoryWithAnEarlierVersionsH2FileGoesOnWithH2() throws Exception {
        Files.createFile(dataDir.resolve(DatabaseSettings.H2_FILE_NAME));
        assertThat(DatabaseSettings.embedded(dataDir)).isEqualTo(DatabaseSettings.h2File(dataDir));
    }

    @Test
    void aSqliteFileOfAnotherNameBesideNoH2FileIsNoReasonForH2() throws Exception {
        Files.createFile(dataDir.resolve("bullion.db"));
        Files.createFile(dataDir.resolve("bullion.trace.db"));
        assertThat(DatabaseSettings.embedded(dataDir).kind()).isEqualTo(DatabaseSettings.Kind.SQLITE);
    }

    @Test
    void theEmbeddedDirectoryIsTheOneHoldingTheFile() {
        Path absolute = dataDir.toAbsolutePath();
        assertThat(DatabaseSettings.sqliteFile(dataDir).embeddedDirectory()).contains(absolute);
        assertThat(DatabaseSettings.h2File(dataDir).embeddedDirectory()).contains(absolute);
        assertThat(DatabaseSettings.sqlite("jdbc:sqlite:" + absolute.resolve("other.db"))
                        .embeddedDirectory())
                .contains(absolute);
        assertThat(DatabaseSettings.postgres("jdbc:postgresql://127.0.0.1:5432/bullion", "postgres", "")
                        .embeddedDirectory())
                .isEmpty();
        assertThat(new DatabaseSettings(DatabaseSettings.Kind.H2, "jdbc:h2:mem:bullion", "sa", "").embeddedDirectory())
                .isEmpty();
    }

    @Test
    void sqlitesFileIsNamedWithoutTheSettingsOfItsUrl() {
        Path absolute = dataDir.toAbsolutePath();
        assertThat(DatabaseSettings.sqliteFile(dataDir).sqlitePath()).contains(absolute.resolve("bullion.db"));
        assertThat(DatabaseSettings.sqlite("jdbc:sqlite:relative.db").sqlitePath())
                .contains(Path.of("relative.db").toAbsolutePath());
        assertThat(DatabaseSettings.h2File(dataDir).sqlitePath()).isEmpty();
        assertThat(DatabaseSettings.postgres("jdbc:postgresql://127.0.0.1:5432/bullion", "postgres", "")
                        .sqlitePath())
                .isEmpty();
    }

    @Test
    void aRelativeSqliteFileLivesUnderTheWorkingDirectory() {
        assertThat(DatabaseSettings.sqlite("jdbc:sqlite:bullion.db").embeddedDirectory())
                .contains(Path.of("").toAbsolutePath());
    }

    @Test
    void aSqliteUrlWithSettingsOfItsOwnIsRefused() {
        assertThatThrownBy(() -> DatabaseSettings.sqlite("jdbc:sqlite:/var/lib/bullion/bullion.db?synchronous=OFF"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must name a file and nothing else")
                .hasMessageContaining("synchronous=OFF");
    }

    @Test
    void aSqliteUrlWithoutAFileIsRefused() {
        assertThatThrownBy(() -> DatabaseSettings.sqlite("jdbc:sqlite:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must name a file and nothing else");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:sqlite::memory:", "jdbc:sqlite:file::memory:"})
    void anInMemorySqliteDatabaseIsRefused(String url) {
        assertThatThrownBy(() -> DatabaseSettings.sqlite(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must name a file SQLite keeps on disk")
                .hasMessageContaining(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:sqlite:file:/var/lib/bullion/bullion.db", "jdbc:sqlite::resource:bullion.db"})
    void aSqliteFileNamedOtherwiseThanByItsPathIsRefused(String url) {
        assertThatThrownBy(() -> DatabaseSettings.sqlite(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must name its file by a path")
                .hasMessageContaining(url);
    }

    @Test
    void aUrlOfAnotherDatabaseIsNoSqliteUrl() {
        assertThatThrownBy(() -> DatabaseSettings.sqlite("jdbc:h2:/var/lib/bullion/bullion"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:h2:/var/lib/bullion/bullion");
    }
}

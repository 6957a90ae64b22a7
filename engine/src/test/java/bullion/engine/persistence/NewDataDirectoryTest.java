package bullion.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory that does not exist yet is made at the first start, as H2 always did: SQLite itself refuses to open
 * a file in a missing directory ("unable to open database file").
 */
class NewDataDirectoryTest {

    @TempDir
    Path parent;

    @Test
    void theEmbeddedDefaultMakesItsMissingDataDirectory() {
        Path dataDir = parent.resolve("not").resolve("there");
        DatabaseSettings db = DatabaseSettings.embedded(dataDir);
        assertThat(db.kind()).isEqualTo(DatabaseSettings.Kind.SQLITE);

        assertThat(JournalSchema.migrate(db)).isEqualTo(JournalSchema.Outcome.MIGRATED);
        assertThat(dataDir.resolve("bullion.db")).isRegularFile();
        assertThat(Files.exists(dataDir.resolve("bullion.mv.db"))).isFalse();
        assertThat(JournalSchema.migrate(db)).isEqualTo(JournalSchema.Outcome.CURRENT);
    }
}

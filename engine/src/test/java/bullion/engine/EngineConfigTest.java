package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.persistence.DatabaseSettings;
import bullion.engine.persistence.SqliteDataSource;
import com.typesafe.config.Config;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineConfigTest {

    private static final String DB = "pekko-persistence-jdbc.shared-databases.bullion.db.";

    @TempDir
    Path dataDir;

    @Test
    void sqlitesPoolConnectsThroughTheDataSourceWithShortWaitsForTheWriteLock() {
        DatabaseSettings sqlite = DatabaseSettings.sqliteFile(dataDir);
        Config config = EngineConfig.of(EngineSettings.singleNode(sqlite));
        assertThat(config.getString(DB + "dataSourceClass")).isEqualTo(SqliteDataSource.class.getName());
        assertThat(config.getString(DB + "properties.url")).isEqualTo(sqlite.url());
        assertThat(config.hasPath(DB + "url"))
                .as("the data source's url, not the driver's")
                .isFalse();
        assertThat(config.getInt("jdbc-journal.parallelism")).isEqualTo(1);
    }

    @Test
    void postgresConnectsThroughItsDriver() {
        DatabaseSettings postgres =
                DatabaseSettings.postgres("jdbc:postgresql://127.0.0.1:5432/bullion", "postgres", "");
        Config config = EngineConfig.of(EngineSettings.singleNode(postgres));
        assertThat(config.getString(DB + "url")).isEqualTo(postgres.url());
        assertThat(config.getString(DB + "driver")).isEqualTo("org.postgresql.Driver");
        assertThat(config.hasPath(DB + "dataSourceClass")).isFalse();
        assertThat(config.getInt("jdbc-journal.parallelism")).isEqualTo(2);
    }
}

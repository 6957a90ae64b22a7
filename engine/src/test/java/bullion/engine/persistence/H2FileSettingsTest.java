package bullion.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded file's url settings reach the store H2 opens, not only the url's text. */
class H2FileSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void theStoreKeepsAPageCacheOf8MiBWhateverTheHeap() throws Exception {
        DatabaseSettings db = DatabaseSettings.h2File(dataDir);
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            SessionLocal session =
                    (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            MVStore store = session.getDatabase().getStore().getMvStore();
            assertThat(store.getCacheSize())
                    .as("MiB")
                    .isEqualTo(DatabaseSettings.CACHE_KIB / 1024)
                    .isEqualTo(8);
        }
    }
}

package bullion.engine;

import bullion.engine.persistence.DatabaseSettings;
import java.nio.file.Path;

/**
 * The embedded databases a data directory can hold, for tests of promises that do not depend on the database: SQLite
 * in a new directory (the default), H2 in one an earlier version made. A test over both takes this as its parameter
 * ({@code @EnumSource(EmbeddedFile.class)}); a child JVM gets its {@link #name()}.
 */
public enum EmbeddedFile {
    H2 {
        @Override
        public DatabaseSettings in(Path dataDir) {
            return DatabaseSettings.h2File(dataDir);
        }
    },
    SQLITE {
        @Override
        public DatabaseSettings in(Path dataDir) {
            return DatabaseSettings.sqliteFile(dataDir);
        }
    };

    /** This database's file in {@code dataDir}. */
    public abstract DatabaseSettings in(Path dataDir);
}

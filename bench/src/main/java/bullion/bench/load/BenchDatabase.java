package bullion.bench.load;

import bullion.engine.persistence.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The database a scenario runs Bullion on ({@code --db}), and the stateless baseline it is compared with: SQLite, what
 * a new data directory gets; H2, the file a data directory of an earlier version holds; or PostgreSQL.
 */
public enum BenchDatabase {
    SQLITE("sqlite", "SQLite file", "bullion.db"),
    H2("h2", "H2 file", DatabaseSettings.H2_FILE_NAME),
    POSTGRES("postgres", "PostgreSQL", "");

    private final String option;
    private final String label;
    /** The file the app keeps this database in under its data directory; empty for a database elsewhere. */
    private final String file;

    BenchDatabase(String option, String label, String file) {
        this.option = option;
        this.label = label;
        this.file = file;
    }

    /** The database a {@code --db} value names. */
    public static BenchDatabase named(String option) {
        for (BenchDatabase database : values()) {
            if (database.option.equals(option)) {
                return database;
            }
        }
        throw new IllegalArgumentException("--db takes sqlite, h2 or postgres, not " + option);
    }

    /** The {@code --db} value that names it, as the baseline takes it too. */
    public String option() {
        return option;
    }

    /** How the printouts name it. */
    public String label() {
        return label;
    }

    /**
     * Readies the data directory a Bullion is about to start on so that it picks this database. The app has no setting
     * for H2: it goes on with H2 where the directory already holds an earlier version's {@code bullion.mv.db}. So an
     * empty H2 database is created there first, through the url the app itself opens ({@link DatabaseSettings#h2File},
     * hence with the same page size and file system), and the app migrates it as it would any empty one. SQLite is
     * what the app creates in an empty directory, and PostgreSQL lives elsewhere: nothing to do for them. A directory
     * that already holds this database (a restart on the same data) is left as it is.
     */
    public void prepare(Path dataDir) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        if (this != H2 || Files.exists(dataDir.resolve(file))) {
            return;
        }
        if (Files.exists(dataDir.resolve(SQLITE.file))) {
            throw new IllegalStateException(dataDir + " already holds a SQLite database: not turning it into H2's");
        }
        DatabaseSettings h2 = DatabaseSettings.h2File(dataDir);
        try (Connection created = DriverManager.getConnection(h2.url(), h2.user(), h2.password())) {
            // Opening creates the file; closing the only connection closes the database, so the app can open it.
        }
        if (!Files.exists(dataDir.resolve(file))) {
            throw new IllegalStateException("H2 did not create " + dataDir.resolve(file));
        }
    }

    /**
     * Throws unless a Bullion started on {@code dataDir} is using this database, so a printout naming it is true: an
     * app jar from before SQLite makes H2 even in an empty directory, and a newer one any other choice of its own.
     */
    public void check(Path dataDir) {
        for (BenchDatabase other : values()) {
            boolean expected = other == this;
            if (!other.file.isEmpty() && Files.exists(dataDir.resolve(other.file)) != expected) {
                throw new IllegalStateException("--db " + option + ", yet the server's data directory "
                        + (expected ? "has no " : "holds ") + other.file);
            }
        }
    }

    /**
     * This embedded database in {@code dir}, as the app opens it there, for a scenario that runs the engine in this
     * JVM; PostgreSQL is refused.
     */
    public DatabaseSettings embeddedIn(Path dir) {
        return switch (this) {
            case SQLITE -> DatabaseSettings.sqliteFile(dir);
            case H2 -> DatabaseSettings.h2File(dir);
            case POSTGRES ->
                throw new IllegalArgumentException("this scenario runs on an embedded file: --db sqlite or h2");
        };
    }
}

package bullion.engine.persistence;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which database holds the journal. Embedded H2 in a file by default; PostgreSQL in production. The only
 * difference the rest of Bullion sees is this value.
 */
public record DatabaseSettings(Kind kind, String url, String user, String password) {

    /** A file system prefix in an H2 url, such as {@code file:}; a Windows drive letter is a single letter. */
    private static final Pattern H2_FILE_SYSTEM = Pattern.compile("[A-Za-z][A-Za-z0-9]+:");

    public enum Kind {
        H2("slick.jdbc.H2Profile$", "org.h2.Driver", "db/migration/h2"),
        POSTGRES("slick.jdbc.PostgresProfile$", "org.postgresql.Driver", "db/migration/postgres");

        private final String slickProfile;
        private final String driver;
        private final String migrations;

        Kind(String slickProfile, String driver, String migrations) {
            this.slickProfile = slickProfile;
            this.driver = driver;
            this.migrations = migrations;
        }

        public String slickProfile() {
            return slickProfile;
        }

        public String driver() {
            return driver;
        }

        /** Where on the classpath this kind's Flyway migrations live. */
        public String migrations() {
            return migrations;
        }
    }

    public DatabaseSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /**
     * An H2 file under {@code dataDir}. H2's default write delay (half a second) would lose acknowledged events
     * on kill -9, so it is off: every commit reaches the file before the journal acknowledges it.
     */
    public static DatabaseSettings h2File(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve("bullion").toString().replace('\\', '/');
        return new DatabaseSettings(Kind.H2, "jdbc:h2:file:" + file + ";WRITE_DELAY=0", "sa", "");
    }

    /** PostgreSQL at a JDBC url such as {@code jdbc:postgresql://127.0.0.1:5432/bullion}. */
    public static DatabaseSettings postgres(String url, String user, String password) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("BULLION_DB_URL must be a jdbc:postgresql: url, not " + url);
        }
        return new DatabaseSettings(Kind.POSTGRES, url, user, password);
    }

    /**
     * The directory of the embedded file; empty for PostgreSQL or an in-memory or server H2. The url may name the file
     * through any of H2's file systems ({@code file:}, {@code nio:}, or one registered with {@code FilePath.register},
     * as a test's write-failing double is).
     */
    public Optional<Path> h2Directory() {
        String prefix = "jdbc:h2:";
        if (kind != Kind.H2 || !url.startsWith(prefix)) {
            return Optional.empty();
        }
        String file = url.substring(prefix.length()).split(";", 2)[0];
        if (file.startsWith("mem:") || file.startsWith("tcp:") || file.startsWith("ssl:")) {
            return Optional.empty();
        }
        for (Matcher scheme = H2_FILE_SYSTEM.matcher(file); scheme.lookingAt(); scheme = H2_FILE_SYSTEM.matcher(file)) {
            file = file.substring(scheme.end());
        }
        return Optional.ofNullable(Path.of(file).getParent());
    }

    @Override
    public String toString() {
        return kind + " " + url;
    }
}

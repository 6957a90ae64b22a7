package bullion.engine.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which database holds the journal. Embedded SQLite in a file by default (H2 in a data directory an earlier version
 * made); PostgreSQL in production. The only difference the rest of Bullion sees is this value.
 */
public record DatabaseSettings(Kind kind, String url, String user, String password) {

    /** A file system prefix in an H2 url, such as {@code file:}; a Windows drive letter is a single letter. */
    private static final Pattern H2_FILE_SYSTEM = Pattern.compile("[A-Za-z][A-Za-z0-9]+:");

    /** How a SQLite url starts. */
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";

    /** The file {@link #h2File} keeps its database in. */
    public static final String H2_FILE_NAME = "bullion.mv.db";

    /** H2's {@code RETENTION_TIME} on the embedded file, in milliseconds (see {@link #h2File}). */
    static final int RETENTION_MILLIS = 1000;
    /** H2's {@code PAGE_SIZE} on the embedded file, in bytes (see {@link #h2File}). */
    static final int PAGE_BYTES = 2048;
    /** H2's {@code CACHE_SIZE} on the embedded file, in KiB (see {@link #h2File}). */
    static final int CACHE_KIB = 8 * 1024;

    static {
        SyncedFileSystem.register(); // before any url naming its scheme reaches H2
    }

    public enum Kind {
        H2("slick.jdbc.H2Profile$", "org.h2.Driver", "db/migration/h2"),
        POSTGRES("slick.jdbc.PostgresProfile$", "org.postgresql.Driver", "db/migration/postgres"),
        SQLITE("slick.jdbc.SQLiteProfile$", "org.sqlite.JDBC", "db/migration/sqlite");

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
     * An H2 file under {@code dataDir}, the same file every earlier version wrote ({@code bullion.mv.db}).
     *
     * <ul>
     *   <li>{@code synced:} opens it {@code O_DSYNC} ({@link SyncedFileSystem}) and {@code WRITE_DELAY=0} writes each
     *       commit before it returns: an acknowledged event is on the disk, not only in the operating system's cache.
     *   <li>{@code RETENTION_TIME} ({@value #RETENTION_MILLIS} ms, H2's default 45 s): how long a chunk H2 has written
     *       is kept before its space may be reused or rewritten once nothing lives in it. With every write synced
     *       nothing waits for the disk to catch up; it only covers the moments after opening before
     *       {@link H2Housekeeping#guard} keeps the chunks crash recovery needs, and a long one would keep every
     *       chunk of the last 45 s (megabytes under load) out of reach of the housekeeping.
     *   <li>{@code PAGE_SIZE} ({@value #PAGE_BYTES} bytes, H2's default 4096): where H2 splits a B-tree page. Every
     *       commit rewrites each page it touched, and an event touches a leaf of the journal's primary key at its own
     *       table's place in it, so smaller leaves mean fewer bytes written per commit: about 35 % fewer, and a file
     *       of 840-890 bytes per event instead of 990-1,130 under a sustained load, at no cost in throughput
     *       (BENCHMARKS.md, "Embedded database"). Only where pages split: pages written at any size read back.
     *   <li>{@code CACHE_SIZE} ({@value #CACHE_KIB} KiB; H2's default 64 MiB): H2's cache of B-tree pages. Every
     *       commit puts new pages in it and leaves the ones they replace to age out, so a large cache is a stream of
     *       objects that live seconds to minutes: they survive young collections, are copied and promoted, and fill
     *       the old generation. With 8 MiB the heap after a young collection stayed at 36-48 MiB instead of climbing
     *       to 64-98, the longest pause of each open-loop run fell from 108-153 ms to 52-77 ms and the reads' p99 from
     *       48-87 ms to 27-37 ms, at the same CPU per change (BENCHMARKS.md, "H2's page cache and the open loop's
     *       tail"). The live data of a night is small, and a page not in the cache is read back from the operating
     *       system's cache of the file.
     *   <li>{@code MAX_COMPACT_TIME=0} (H2's default 200 ms): no compaction as the database closes. H2's close-time
     *       pass moves chunks to the file's end and, given 200 ms for a file of many megabytes, stops before it can
     *       truncate: the stopped file was up to 40 % larger than the running one. {@link H2Housekeeping} keeps the
     *       file bounded while it runs, so a stop now leaves it as it was.
     *   <li>{@code DB_CLOSE_ON_EXIT=FALSE} (H2's default TRUE): H2's own JVM shutdown hook closed the database while
     *       Bullion's (Main) was still letting requests finish and stopping the tables, so a stop printed "Database is
     *       already closed" traces and could refuse a change in flight. The database closes with its last connection,
     *       when the table system stops; a process that ends without that has only synced commits to recover.
     * </ul>
     */
    public static DatabaseSettings h2File(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve("bullion").toString().replace('\\', '/');
        return new DatabaseSettings(
                Kind.H2,
                "jdbc:h2:" + SyncedFileSystem.SCHEME + ":" + file + ";WRITE_DELAY=0;RETENTION_TIME=" + RETENTION_MILLIS
                        + ";PAGE_SIZE=" + PAGE_BYTES + ";CACHE_SIZE=" + CACHE_KIB
                        + ";MAX_COMPACT_TIME=0;DB_CLOSE_ON_EXIT=FALSE",
                "sa",
                "");
    }

    /** The database a {@code BULLION_DB_URL} names: SQLite for a {@code jdbc:sqlite:} url, else PostgreSQL. */
    public static DatabaseSettings fromUrl(String url, String user, String password) {
        return url.startsWith(SQLITE_PREFIX) ? sqlite(url) : postgres(url, user, password);
    }

    /** PostgreSQL at a JDBC url such as {@code jdbc:postgresql://127.0.0.1:5432/bullion}. */
    public static DatabaseSettings postgres(String url, String user, String password) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "BULLION_DB_URL must be a jdbc:postgresql: or a jdbc:sqlite: url, not " + url);
        }
        return new DatabaseSettings(Kind.POSTGRES, url, user, password);
    }

    /**
     * SQLite in the file a {@code jdbc:sqlite:} url names, such as {@code jdbc:sqlite:/var/lib/bullion/bullion.db},
     * with the settings Bullion needs added to it:
     * <ul>
     *   <li>{@code journal_mode=WAL}: a commit appends its pages to the write-ahead log beside the file, and readers
     *       (a table's recovery, the standings) go on while a write commits.
     *   <li>{@code synchronous=FULL}: every commit syncs the log before it returns, so an acknowledged change survives
     *       a power cut, not only a crash (SQLite's WAL default, NORMAL, syncs only at checkpoints).
     *   <li>{@code busy_timeout=10000}: how long a writer waits for the one write lock, in ms, while another (the
     *       journal, the snapshots, the standings) holds it; a journal write is bounded sooner by its own call timeout.
     *       The pools wait as long, with shorter waits between tries ({@link SqliteDataSource}).
     *       Transactions stay deferred (SQLite's default): the driver begins the next one as soon as one commits, and
     *       an immediate one would take the lock right then. Every writing transaction here writes before it reads,
     *       so none has to turn a read into a write after another write committed (which SQLite refuses at once).
     * </ul>
     */
    public static DatabaseSettings sqlite(String url) {
        if (!url.startsWith(SQLITE_PREFIX) || url.length() == SQLITE_PREFIX.length() || url.contains("?")) {
            throw new IllegalArgumentException("BULLION_DB_URL for SQLite must name a file and nothing else, such as"
                    + " jdbc:sqlite:/var/lib/bullion/bullion.db, not " + url);
        }
        String file = url.substring(SQLITE_PREFIX.length());
        if (file.equals(":memory:") || file.startsWith("file::memory:")) {
            throw new IllegalArgumentException("BULLION_DB_URL must name a file SQLite keeps on disk, not " + url);
        }
        // A URI filename (file:...) or a special name (:resource:...) is no path: embeddedDirectory would name a
        // directory that does not exist, and the free-space check would then keep the journal refusing every write.
        if (file.startsWith("file:") || file.startsWith(":")) {
            throw new IllegalArgumentException("BULLION_DB_URL for SQLite must name its file by a path, such as"
                    + " jdbc:sqlite:/var/lib/bullion/bullion.db, not " + url);
        }
        return new DatabaseSettings(Kind.SQLITE, url + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000", "", "");
    }

    /**
     * The embedded database in {@code dataDir}: SQLite ({@link #sqliteFile}), except in a directory that already holds
     * the H2 file of a version before it ({@code bullion.mv.db}), which goes on with that file ({@link #h2File}) so an
     * upgrade finds every table it had. SQLite commits a change for a fraction of H2's work (BENCHMARKS.md, "SQLite as
     * the embedded default").
     */
    public static DatabaseSettings embedded(Path dataDir) {
        return Files.exists(dataDir.resolve(H2_FILE_NAME)) ? h2File(dataDir) : sqliteFile(dataDir);
    }

    /** SQLite in {@code bullion.db} under {@code dataDir} (see {@link #sqlite}). */
    public static DatabaseSettings sqliteFile(Path dataDir) {
        return sqlite(SQLITE_PREFIX
                + dataDir.toAbsolutePath().resolve("bullion.db").toString().replace('\\', '/'));
    }

    /** The directory of the embedded file, H2's or SQLite's; empty for PostgreSQL or an in-memory or server H2. */
    public Optional<Path> embeddedDirectory() {
        if (kind == Kind.SQLITE) {
            return sqlitePath().map(Path::getParent);
        }
        return h2Directory();
    }

    /** SQLite's file, as an absolute path; empty for the other databases. */
    public Optional<Path> sqlitePath() {
        if (kind != Kind.SQLITE) {
            return Optional.empty();
        }
        String file = url.substring(SQLITE_PREFIX.length()).split("\\?", 2)[0];
        return Optional.of(Path.of(file).toAbsolutePath());
    }

    /**
     * The directory of the embedded H2 file; empty for SQLite, PostgreSQL or an in-memory or server H2. The url may
     * name the file through any of H2's file systems ({@code file:}, {@code nio:}, or one registered with
     * {@code FilePath.register}, as a test's write-failing double is).
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

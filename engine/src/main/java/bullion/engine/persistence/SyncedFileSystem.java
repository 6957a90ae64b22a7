package bullion.engine.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * The embedded file's H2 file system: {@code jdbc:h2:synced:<path>} is the disk file at {@code <path>}, opened for
 * writing with {@code O_DSYNC} (H2's mode {@code rwd}), so every write H2 makes returns only once it is on the disk.
 * With {@code WRITE_DELAY=0} H2 writes a commit's chunk (and, when it moves, the store header) in the committing
 * thread before the commit returns, so an acknowledged event survives a power cut, not only a crash of the process.
 * Commits that queue behind a write go into H2's next chunk together, so they share its sync.
 *
 * <p>{@code O_DSYNC} rather than a {@code force} after each write: H2 writes a chunk in one call, and the flag makes
 * that one call durable without a second system call (the two were not measured against each other).
 */
public final class SyncedFileSystem extends FilePathWrapper {

    /** The url scheme, as in {@code jdbc:h2:synced:/data/bullion}. */
    public static final String SCHEME = "synced";

    static {
        FilePath.register(new SyncedFileSystem());
    }

    /** For H2, which makes one instance per path by reflection; public because of that only. */
    public SyncedFileSystem() {}

    /** Makes the scheme known to H2; any url naming it must be used only after this (loading the class is enough). */
    static void register() {
        // The static initializer registers it, once.
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return getBase().open("rw".equals(mode) ? "rwd" : mode);
    }
}

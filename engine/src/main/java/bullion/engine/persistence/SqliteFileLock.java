package bullion.engine.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One Bullion at a time on SQLite's file. H2 refuses a second process on its file by itself; SQLite lets any number
 * share one, and two Bullions on one file (two servers on other ports, or a server and {@code import-all} or
 * {@code rebuild-standings}) would each keep their own live copy of a table: each answers its views from memory and
 * never sees the other's changes, and the standings would be rebuilt under a running projection. So a table system on
 * SQLite holds an exclusive lock on {@code <file>.lock} beside the file for as long as it runs, and a second one is
 * refused at its start with a sentence. The operating system releases the lock when the process ends, however it
 * ends (kill -9 included), so a crash never leaves it held. The lock file itself is left in place: deleting it on close
 * would let a process that opened it just before lock another file than the next one.
 */
public final class SqliteFileLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private SqliteFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock of {@code database}'s file, held until closed; empty for H2 and PostgreSQL.
     *
     * @throws InUse if another table system, in this process or another, holds it
     * @throws UncheckedIOException if the lock file cannot be made or opened
     */
    public static Optional<SqliteFileLock> acquire(DatabaseSettings database) {
        Optional<Path> file = database.sqlitePath();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path lockFile = file.get().resolveSibling(file.get().getFileName() + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new InUse(file.get(), lockFile);
            }
            return Optional.of(new SqliteFileLock(channel, lock));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open the lock file " + lockFile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The lock, or null if another holds it: another process, or (OverlappingFileLockException) this one. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was locked through it.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock of the SQLite file", e);
        }
    }

    /** Another Bullion holds the file: the sentence start-up says. */
    public static final class InUse extends IllegalStateException {
        InUse(Path file, Path lockFile) {
            super("another Bullion is running on " + file + " (it holds " + lockFile
                    + "): stop it first, or give this one another BULLION_DATA_DIR");
        }
    }
}

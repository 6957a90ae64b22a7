package bullion.engine;

import bullion.engine.persistence.DatabaseSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A write-failing file system double for H2: {@code jdbc:h2:fulldisk:<path>} is the disk file at {@code <path>},
 * except that while {@link #fill()} is in force every write, force (fsync) and new output stream fails with
 * {@code IOException("No space left on device")}, as on a full disk. Reads always work. The free space the operating
 * system reports is the real disk's, so {@code JournalHealth}'s free-space rule does not see this "full disk": what it
 * exercises is what happens when a write fails inside H2 anyway.
 */
public final class FullDiskFileSystem extends FilePathWrapper {

    private static final String SCHEME = "fulldisk";
    private static final AtomicBoolean FULL = new AtomicBoolean();
    private static final AtomicLong FAILED_WRITES = new AtomicLong();

    static {
        FilePath.register(new FullDiskFileSystem());
    }

    /** For H2, which makes one instance per path by reflection; public because of that only. */
    public FullDiskFileSystem() {}

    /**
     * The embedded file {@link DatabaseSettings#h2File} would use, with all its settings, on this file system laid over
     * the default's own ({@code fulldisk:synced:<path>}: the writes that get through are still synced).
     */
    static DatabaseSettings h2File(Path dataDir) {
        DatabaseSettings disk = DatabaseSettings.h2File(dataDir);
        return new DatabaseSettings(
                disk.kind(),
                disk.url().replaceFirst("^jdbc:h2:", "jdbc:h2:" + SCHEME + ":"),
                disk.user(),
                disk.password());
    }

    /** From now on every write fails. */
    static void fill() {
        FULL.set(true);
    }

    /** Writes work again. */
    static void free() {
        FULL.set(false);
    }

    /** How many writes have failed since this class was loaded. */
    static long failedWrites() {
        return FAILED_WRITES.get();
    }

    private static void failIfFull() throws IOException {
        if (FULL.get()) {
            FAILED_WRITES.incrementAndGet();
            throw new IOException("No space left on device");
        }
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /** Every channel open now, with where and when it was opened: to find who holds the file's lock. */
    static final java.util.Map<FullDiskChannel, Throwable> OPEN = new java.util.concurrent.ConcurrentHashMap<>();

    /** Prints {@link #OPEN}: which channel holds the lock, opened by whom, while full or not. */
    static void dumpOpen() {
        OPEN.forEach((c, t) -> {
            System.out.println("OPEN CHANNEL " + t.getMessage() + " " + c.name + " locked="
                    + (c.lock != null && c.lock.isValid()) + " open=" + c.isOpen());
            for (StackTraceElement e : t.getStackTrace()) {
                if (e.getClassName().startsWith("org.h2")
                        || e.getClassName().startsWith("bullion")
                        || e.getClassName().contains("hikari")) {
                    System.out.println("    at " + e);
                }
            }
        });
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FullDiskChannel c = new FullDiskChannel(getBase().open(mode));
        c.name = name;
        OPEN.put(c, new Throwable("opened while full=" + FULL.get() + " at " + java.time.LocalTime.now()));
        return c;
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        failIfFull();
        return super.newOutputStream(append);
    }

    @Override
    public boolean createFile() {
        return !FULL.get() && super.createFile();
    }

    /** The disk file's channel, failing writes while the disk is "full". */
    private static final class FullDiskChannel extends FileBase {

        private final FileChannel base;
        String name;
        FileLock lock;

        FullDiskChannel(FileChannel base) {
            this.base = base;
        }

        @Override
        protected void implCloseChannel() throws IOException {
            OPEN.remove(this);
            base.close();
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            failIfFull();
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            failIfFull();
            return base.write(src, position);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            failIfFull();
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            lock = base.tryLock(position, size, shared);
            return lock;
        }
    }
}

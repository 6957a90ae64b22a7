package bullion.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A disk that loses power, as an H2 file system double: {@code jdbc:h2:powercut:<path>} is the disk file at
 * {@code <path>}, except that {@link #cut()} makes the next write the last one (torn: only a random prefix of it
 * reaches the file) and every write, sync and truncate after it fail, and {@link #restore()} then puts every file back
 * to what a disk would hold after the power came back: each write made since that file's last sync is undone, unless
 * the file was opened {@code O_DSYNC} (mode {@code rwd} or {@code rws}), whose writes are on the disk when they
 * return. Then it closes every channel, as the process died with the power.
 *
 * <p>That is the harshest legal outcome (a real disk may keep any part of the unsynced writes); what survives it is
 * what was synced.
 */
public final class PowerCutFileSystem extends FilePathWrapper {

    private static final String SCHEME = "powercut";
    private static final Object DISK = new Object();
    private static final List<PowerCutChannel> OPEN = new ArrayList<>();
    private static boolean tearNextWrite;
    private static boolean down;

    static {
        FilePath.register(new PowerCutFileSystem());
    }

    /** For H2, which makes one instance per path by reflection; public because of that only. */
    public PowerCutFileSystem() {}

    /** {@code url} (a {@code jdbc:h2:} url) with this file system laid under H2's path, after any other scheme. */
    static String under(String url, String scheme) {
        return url.replaceFirst("^jdbc:h2:" + scheme + ":", "jdbc:h2:" + scheme + ":" + SCHEME + ":");
    }

    /** The power goes at the next write, which is torn. */
    static void cut() {
        synchronized (DISK) {
            tearNextWrite = true;
        }
    }

    /** Whether the power has gone (the torn write happened). */
    static boolean isDown() {
        synchronized (DISK) {
            return down;
        }
    }

    /** Undoes every unsynced write of every open file, closes them all, and lets writes work again. */
    static void restore() throws IOException {
        synchronized (DISK) {
            for (PowerCutChannel channel : OPEN) {
                channel.undoUnsynced();
                channel.base.close();
            }
            OPEN.clear();
            tearNextWrite = false;
            down = false;
        }
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        synchronized (DISK) {
            if (down) {
                throw new IOException("the power is off");
            }
            PowerCutChannel channel =
                    new PowerCutChannel(getBase().open("r".equals(mode) ? "r" : "rw"), !"rw".equals(mode));
            OPEN.add(channel);
            return channel;
        }
    }

    /** A write that is not on the disk yet: what the bytes it covered, and the file's size, were before it. */
    private record Undo(long position, byte[] before, long sizeBefore) {}

    private static final class PowerCutChannel extends FileBase {

        private final FileChannel base;
        /** Opened O_DSYNC (or read-only): every write is on the disk when it returns. */
        private final boolean synchronous;
        /** Writes since the last sync, newest first. */
        private final Deque<Undo> unsynced = new ArrayDeque<>();

        PowerCutChannel(FileChannel base, boolean synchronous) {
            this.base = base;
            this.synchronous = synchronous;
        }

        /**
         * Closing a file does not sync it: one with unsynced writes stays listed (its disk file open) until
         * {@link #restore} undoes them.
         */
        @Override
        protected void implCloseChannel() throws IOException {
            synchronized (DISK) {
                if (unsynced.isEmpty() && OPEN.remove(this)) {
                    base.close();
                }
            }
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
            long position = base.position();
            int written = write(src, position);
            base.position(position + written);
            return written;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            synchronized (DISK) {
                failIfDown();
                remember(position, src.remaining());
                if (tearNextWrite) {
                    tearNextWrite = false;
                    down = true;
                    ByteBuffer prefix = src.duplicate();
                    prefix.limit(prefix.position() + ThreadLocalRandom.current().nextInt(src.remaining() + 1));
                    while (prefix.hasRemaining()) {
                        base.write(prefix, position + (prefix.position() - src.position()));
                    }
                    throw new IOException("the power went during this write");
                }
                return base.write(src, position);
            }
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            synchronized (DISK) {
                failIfDown();
                long before = base.size();
                if (size < before) {
                    remember(size, (int) (before - size));
                }
                base.truncate(size);
                return this;
            }
        }

        @Override
        public void force(boolean metaData) throws IOException {
            synchronized (DISK) {
                failIfDown();
                base.force(metaData);
                unsynced.clear();
            }
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        private static void failIfDown() throws IOException {
            if (down) {
                throw new IOException("the power is off");
            }
        }

        private void remember(long position, int length) throws IOException {
            if (synchronous) {
                return;
            }
            long size = base.size();
            ByteBuffer before = ByteBuffer.allocate((int) Math.max(0, Math.min(length, size - position)));
            while (before.hasRemaining() && base.read(before, position + before.position()) >= 0) {
                // read what the write will cover
            }
            unsynced.push(new Undo(position, before.array(), size));
        }

        private void undoUnsynced() throws IOException {
            for (Undo undo : unsynced) { // newest first
                ByteBuffer before = ByteBuffer.wrap(undo.before());
                while (before.hasRemaining()) {
                    base.write(before, undo.position() + before.position());
                }
                base.truncate(undo.sizeBefore());
                if (base.size() < undo.sizeBefore()) {
                    // a truncate being undone: the bytes it cut off come back
                    base.write(ByteBuffer.allocate(1), undo.sizeBefore() - 1);
                }
            }
            unsynced.clear();
            base.force(true);
        }
    }
}

package bullion.web.pages;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * A manage page gzipped once per version, with each of its forms' request ids left as uncompressed bytes at a known
 * place in the gzip, so that an answer is a copy of the gzip with that answer's ids written over them, and a new
 * checksum: no compression per answer. Compressing each answer cost a gzipped manage page about eight times the
 * view page's CPU, which is compressed once per version (issue 14).
 *
 * <p>The page is deflated in pieces: the text between two ids at {@link Gzip#WELL}, each id stored (deflate's level
 * 0, whose bytes appear in the stream as they are), every piece ended by a sync flush. What keeps the patch sound is
 * that no compressed piece may refer back into an id (deflate's back-references copy earlier bytes of the page, and
 * an id's bytes change on every answer): the stored ids are a filler byte that occurs nowhere else on the page, so no
 * match can reach into one. A page that has the filler byte elsewhere gets no template, and is compressed per answer
 * as before.
 */
final class PatchableGzip {

    /** SOH: a control character, never in the page's own text; a page that has one anyway gets no template. */
    private static final byte FILLER = 0x01;

    /** RFC 1952's header as the JDK's {@code GZIPOutputStream} writes it: deflate, no name, no time, OS 0. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0};

    private final byte[] gzip; // the header, the deflate stream, then 8 bytes for each answer's CRC-32 and length
    private final int[] requestIds; // where each id is on the page
    private final int[] patches; // where each id's stored bytes are in gzip
    private final int idLength;

    private PatchableGzip(byte[] gzip, int[] requestIds, int[] patches, int idLength) {
        this.gzip = gzip;
        this.requestIds = requestIds;
        this.patches = patches;
        this.idLength = idLength;
    }

    /**
     * The template of {@code page}, whose ids ({@code idLength} bytes each) are at {@code requestIds} in ascending
     * order; empty when the page has the filler byte outside them, or deflate did not store an id as one run.
     */
    static Optional<PatchableGzip> of(byte[] page, int[] requestIds, int idLength) {
        byte[] filled = page.clone();
        for (int at : requestIds) {
            Arrays.fill(filled, at, at + idLength, FILLER);
        }
        int fillers = 0;
        for (byte b : filled) {
            fillers += b == FILLER ? 1 : 0;
        }
        if (fillers != requestIds.length * idLength) {
            return Optional.empty();
        }
        Pieces pieces = new Pieces(page.length / 4);
        try {
            pieces.out.writeBytes(HEADER);
            int[] patches = new int[requestIds.length];
            int from = 0;
            for (int i = 0; i < requestIds.length; i++) {
                int at = requestIds[i];
                pieces.flushed(filled, from, at - from);
                pieces.atLevel(Deflater.NO_COMPRESSION);
                int stored = pieces.out.size();
                pieces.flushed(filled, at, idLength);
                patches[i] = run(pieces.out.array(), stored, pieces.out.size(), idLength);
                if (patches[i] < 0) {
                    return Optional.empty();
                }
                pieces.atLevel(Gzip.WELL);
                from = at + idLength;
            }
            pieces.finished(filled, from, filled.length - from);
            pieces.out.writeBytes(new byte[8]); // the trailer, written per answer
            PatchableGzip made = new PatchableGzip(pieces.out.toByteArray(), requestIds.clone(), patches, idLength);
            // Checked once per version against the page itself, so that a zlib that stores or flushes otherwise than
            // the JDK's own costs a compression per answer, never a page that does not read back.
            return readsBackAs(made.of(page), page) ? Optional.of(made) : Optional.empty();
        } finally {
            pieces.deflater.end();
        }
    }

    /** Whether {@code gzip} is a whole gzip stream of exactly {@code page}. */
    static boolean readsBackAs(byte[] gzip, byte[] page) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return Arrays.equals(in.readAllBytes(), page);
        } catch (IOException e) {
            return false; // not gzip, or its checksum or length does not match what it holds
        }
    }

    /**
     * The gzip of {@code answer}: the page this template was made from with other ids at the same places (a
     * {@link RenderedPages} answer), each id copied from {@code answer} into its stored bytes.
     */
    byte[] of(byte[] answer) {
        byte[] out = gzip.clone();
        for (int i = 0; i < patches.length; i++) {
            System.arraycopy(answer, requestIds[i], out, patches[i], idLength);
        }
        CRC32 crc = new CRC32();
        crc.update(answer);
        ByteBuffer.wrap(out, out.length - 8, 8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) crc.getValue())
                .putInt(answer.length); // ISIZE: the length modulo 2^32
        return out;
    }

    /** The page's pieces deflated one after another into one stream, through one buffer. */
    private static final class Pieces {

        private static final byte[] NOTHING = new byte[0];

        final Deflater deflater = new Deflater(Gzip.WELL, true);
        final Bytes out;
        private final byte[] buffer = new byte[16 * 1024];

        Pieces(int expected) {
            out = new Bytes(expected);
        }

        /** {@code length} bytes of {@code in} from {@code offset} deflated, then a sync flush: all out, byte-aligned. */
        void flushed(byte[] in, int offset, int length) {
            deflater.setInput(in, offset, length);
            int written;
            do {
                written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, written);
            } while (written == buffer.length || !deflater.needsInput());
        }

        /**
         * Sets the level, and has it take effect with no input pending: zlib applies a new level at the next deflate
         * call and compresses the input given to that call at the old one, which would compress an id that was to be
         * stored. What this writes, if anything, is part of the stream.
         */
        void atLevel(int level) {
            deflater.setLevel(level);
            flushed(NOTHING, 0, 0);
        }

        /** The last piece, and the end of the stream. */
        void finished(byte[] in, int offset, int length) {
            deflater.setInput(in, offset, length);
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
    }

    /** A byte stream whose bytes can be read in place, to find a stored id without copying what came before. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }
    }

    /**
     * Where the one run of exactly {@code length} filler bytes between from and to begins in {@code bytes}, or -1 if
     * there is none or more than one: a stored id is its bytes between the stored block's length fields and the sync
     * flush's empty block, neither of which holds the filler byte.
     */
    private static int run(byte[] bytes, int from, int to, int length) {
        int found = -1;
        int count = 0;
        for (int i = from; i <= to; i++) {
            if (i < to && bytes[i] == FILLER) {
                count++;
                continue;
            }
            if (count == length) {
                if (found >= 0) {
                    return -1;
                }
                found = i - length;
            }
            count = 0;
        }
        return found;
    }
}

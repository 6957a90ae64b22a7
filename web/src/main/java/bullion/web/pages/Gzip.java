package bullion.web.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Pages gzipped here rather than by Javalin, which compresses every answer at deflate's level 6 and leaves alone an
 * answer that already has a {@code Content-Encoding}. A page kept per version is compressed once, at that level; a
 * page compressed for one answer (a manage page) at level 3. For a 44-entry night's manage page of 103 KB (Python's
 * zlib, the same deflate): level 6 gave 9.2 KB in 0.62 ms, level 3 11.0 KB in 0.21 ms. Two kilobytes more to a
 * phone, a third of the CPU; that compression was most of a gzipped manage page's cost (issue 14).
 */
final class Gzip {

    /** A quality value of zero (RFC 9110, 12.4.2): "not acceptable". */
    private static final Pattern NOT_ACCEPTABLE = Pattern.compile("0(\\.0{0,3})?");

    /** For a page compressed once and sent many times: deflate's default, as Javalin compresses. */
    static final int WELL = 6;

    /** For a page compressed for one answer. */
    static final int FAST = 3;

    private Gzip() {}

    static byte[] of(byte[] page, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.length / 4);
        try (GZIPOutputStream gzip = new AtLevel(out, level)) {
            gzip.write(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory only: cannot happen
        }
        return out.toByteArray();
    }

    /** The JDK's gzip stream, whose deflater only a subclass can set to another level. */
    private static final class AtLevel extends GZIPOutputStream {
        AtLevel(ByteArrayOutputStream out, int level) throws IOException {
            super(out, 8192);
            def.setLevel(level);
        }
    }

    /**
     * Whether an {@code Accept-Encoding} header takes gzip: one of its codings is {@code gzip} (any case) with no
     * {@code q=0}.
     */
    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";", -1); // never empty, even for ";"
            if (parts[0].strip().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < parts.length; i++) {
                    String param = parts[i].strip().toLowerCase(Locale.ROOT);
                    if (param.startsWith("q=")
                            && NOT_ACCEPTABLE
                                    .matcher(param.substring(2).strip())
                                    .matches()) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}

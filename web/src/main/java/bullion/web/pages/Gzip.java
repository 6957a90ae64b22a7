package bullion.web.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * A page compressed once and sent as it is to every reader who accepts gzip, as Javalin would compress it for each
 * answer (the JDK's deflate at its default level, 6, which is Javalin's too). Javalin leaves alone an answer that
 * already has a {@code Content-Encoding}.
 */
final class Gzip {

    /** A quality value of zero (RFC 9110, 12.4.2): "not acceptable". */
    private static final Pattern NOT_ACCEPTABLE = Pattern.compile("0(\\.0{0,3})?");

    private Gzip() {}

    static byte[] of(byte[] page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.length / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory only: cannot happen
        }
        return out.toByteArray();
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

package bullion.web.pages;

import io.nayuki.qrcodegen.QrCode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A QR code as an SVG image, served at {@code /t/{id}/qr.svg} for the manage page's {@code <img>}: an image cannot
 * carry script, so no markup is ever written unescaped into a page. It was a data URI inside the page until issue 14:
 * 10 KB of every manage page's 103 (a 44-entry night), sent again with each one; as an image of its own the browser
 * keeps it, and fetches it only when the share panel is opened ({@code loading="lazy"} in a closed
 * {@code <details>}).
 */
final class QrCodeImage {

    private static final int QUIET_ZONE = 4;
    private static final int REMEMBERED = 256;

    /**
     * A table's share link never changes, and encoding it was most of a manage page's CPU on every render and live
     * refresh: the latest codes are kept, so a table's is drawn once.
     */
    private static final Map<String, byte[]> RECENT = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > REMEMBERED;
        }
    });

    private QrCodeImage() {}

    /** The SVG of {@code text}'s code, the same array for every caller: not to be changed. */
    static byte[] svg(String text) {
        return RECENT.computeIfAbsent(text, QrCodeImage::draw);
    }

    private static byte[] draw(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + QUIET_ZONE)
                            .append(',')
                            .append(y + QUIET_ZONE)
                            .append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
                + path + "\" fill=\"#000\"/></svg>";
        return svg.getBytes(StandardCharsets.UTF_8);
    }
}

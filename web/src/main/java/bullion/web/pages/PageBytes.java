package bullion.web.pages;

import gg.jte.TemplateOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page as UTF-8 bytes in one growing array, as jte writes it: the templates' static text comes already encoded
 * ({@code binaryStaticContent}) and is copied in; a value is written a byte per character while it is ASCII, and
 * encoded by the JDK from its first other character on.
 *
 * <p>Why not jte's {@code Utf8ByteOutput}: it keeps every piece it is given as an array of its own, and the HTML
 * escaping writes a value in runs, each taken out as a new string and encoded to a new array. A manage page is
 * thousands of pieces, and collecting them was about a third of its render in the profile of issue 14.
 */
final class PageBytes implements TemplateOutput {

    private byte[] bytes;
    private int length;

    PageBytes(int expectedLength) {
        bytes = new byte[Math.max(expectedLength, 64)];
    }

    @Override
    public void writeContent(String value) {
        writeContent(value, 0, value.length());
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        room(endIndex - beginIndex);
        byte[] to = bytes;
        int at = length;
        for (int i = beginIndex; i < endIndex; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                length = at;
                writeBinaryContent(value.substring(i, endIndex).getBytes(StandardCharsets.UTF_8));
                return;
            }
            to[at++] = (byte) c;
        }
        length = at;
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
    }

    /** The array the page is in; only its first {@link #length()} bytes are the page. */
    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** The page in an array of its own length, to keep. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void room(int more) {
        if (bytes.length - length < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}

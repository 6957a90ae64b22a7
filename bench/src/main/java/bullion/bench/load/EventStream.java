package bullion.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One live viewer's GET of an event stream over HTTP/1.1 on its own blocking socket, read by the caller's virtual
 * thread. The JDK's HttpClient carries every chunk of every stream through its one selector thread and a chain of
 * subscribers and queues: with 1,000 viewers the generator spent as much CPU as the server it measured, on the same
 * two cores (BENCHMARKS.md, "Live viewers"); a socket per viewer costs a read per event.
 */
final class EventStream implements Closeable {

    private final Socket socket;
    private final int status;
    private final InputStream body;

    private EventStream(Socket socket, int status, InputStream body) {
        this.socket = socket;
        this.status = status;
        this.body = body;
    }

    /** Connects and sends the request; returns once the answer's headers are read. */
    static EventStream open(URI url, Optional<String> forwardedFor) throws IOException {
        Socket socket = new Socket(url.getHost(), url.getPort());
        try {
            socket.setTcpNoDelay(true);
            StringBuilder request = new StringBuilder()
                    .append("GET ")
                    .append(url.getRawPath())
                    .append(" HTTP/1.1\r\nHost: ")
                    .append(url.getHost())
                    .append(':')
                    .append(url.getPort())
                    .append("\r\nAccept: text/event-stream\r\n");
            forwardedFor.ifPresent(address ->
                    request.append("X-Forwarded-For: ").append(address).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            String[] parts = statusLine.split(" ");
            if (parts.length < 2) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            }
            return new EventStream(socket, status, chunked ? new Chunked(in) : in);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    int status() {
        return status;
    }

    /** The answer's body, its chunked framing removed. */
    InputStream body() {
        return body;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One header line without its CRLF. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed in the answer's head");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /** A chunked body's data (RFC 9112, 7.1); ends at the last, empty chunk. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean first = true;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                if (!first) {
                    line(in); // the CRLF after the previous chunk's data
                }
                first = false;
                String size = line(in);
                int extension = size.indexOf(';');
                left = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new EOFException("the connection closed inside a chunk");
            }
            left -= n;
            return n;
        }
    }
}

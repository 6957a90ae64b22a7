package bullion.web;

import io.javalin.http.Context;
import java.io.IOException;

/**
 * Writes an answer's body straight to the response. Javalin's {@code ctx.result(…)} keeps a body as an
 * {@code InputStream} and copies it out once the handlers are done, through a new 32 KiB buffer for every response:
 * the hottest single method of a read in the profiles (issue 14). Written here it goes through the same stream
 * ({@code ctx.outputStream()}: Javalin's, which compresses when the client accepts it and the body is large enough),
 * so the headers and bytes a client gets are the same. A body is written last, once the handler has nothing left
 * that could fail.
 */
public final class ResponseBody {

    private ResponseBody() {}

    /**
     * @throws IOException when the client has gone (Jetty's {@code EofException}, which Javalin answers as it does a
     *     failure of its own copy: logged at debug level only)
     */
    public static void write(Context ctx, byte[] body) throws IOException {
        ctx.outputStream().write(body);
    }

    /** The first {@code length} bytes of {@code body}. */
    public static void write(Context ctx, byte[] body, int length) throws IOException {
        ctx.outputStream().write(body, 0, length);
    }
}

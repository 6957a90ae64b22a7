package bullion.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own limit on a request body, far above the handlers' limit (which answers with a proper page or problem),
 * so that no body, however it is sent, is ever read past it. One path is exempt: an import's body may be a whole
 * table's history, and a second, larger backstop outside this one bounds it. Only that path gets the larger one:
 * a large body sent anywhere else is refused as soon as its Content-Length says so, before the client has sent much
 * of it, rather than half read and then cut off mid-send (which a client sees as a reset, not an answer).
 */
final class BodyBackstop extends SizeLimitHandler {
    private final String exemptPath;

    BodyBackstop(long limitBytes, String exemptPath) {
        super(limitBytes, -1);
        this.exemptPath = exemptPath;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (exemptPath.equals(Request.getPathInContext(request))) {
            return getHandler().handle(request, response, callback);
        }
        return super.handle(request, response, callback);
    }
}

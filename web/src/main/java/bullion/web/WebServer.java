package bullion.web;

import bullion.engine.Tables;
import bullion.web.api.ApiRoutes;
import bullion.web.live.TableFeed;
import bullion.web.pages.PageRoutes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: pages and JSON API over one facade, with security headers, a CSRF origin check, a body
 * size limit and per-client rate limiting on every request. Stopping it lets in-flight requests finish.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** No inline script or style, no framing; with no Referer, a manage link's token never leaks to another site. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** Every answer's security headers, the handlers' and Jetty's own alike. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy",
            CSP,
            "X-Content-Type-Options",
            "nosniff",
            "Referrer-Policy",
            "no-referrer",
            "X-Frame-Options",
            "DENY");

    private static final Logger AUDIT = LoggerFactory.getLogger("bullion.audit");

    private final Javalin javalin;
    private final TableFeed feed;

    private WebServer(Javalin javalin, TableFeed feed) {
        this.javalin = javalin;
        this.feed = feed;
    }

    public static WebServer start(Tables tables, WebSettings settings) {
        WebSettings.Limits limits = settings.limits();
        TableCalls calls = new TableCalls(tables, limits.tableOpensPerMinute());
        PageRoutes pages = new PageRoutes(calls);
        TableFeed feed = new TableFeed(tables, settings.keepAlive(), limits.liveStreamsPerClient());
        RateLimiter rateLimiter = new RateLimiter(limits.requestBurst(), limits.requestsPerMinute());
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Requests run on virtual threads: a handler that waits for its table costs no platform thread meanwhile.
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.staticFiles.enableWebjars();
            config.staticFiles.add("/public");
            config.jetty.modifyServer(server -> {
                // On stop (stopTimeout > 0) Jetty's connectors stop accepting and wait, up to 10 s, until every
                // connection has closed: an in-flight request finishes and its answer says Connection: close, an idle
                // one closes after 1 s. A request that arrives meanwhile on an open connection is served, not refused:
                // Jetty's GracefulHandler would answer it 503, which a load balancer passes on as a failure during a
                // rolling restart (RollingRestartIT), while a closed connection sends the client to another node.
                // A backstop far above the handlers' own limit (which answers with a proper page or problem): no body,
                // however it is sent, is ever read past it.
                server.insertHandler(new SizeLimitHandler(Math.max(16 * settings.maxBodyBytes(), 1 << 20), -1));
                server.setStopTimeout(10_000);
                server.setErrorHandler(new JettyErrors());
                Connections.install(server, settings);
            });
            config.routes.before(ctx -> {
                SECURITY_HEADERS.forEach(ctx::header);
                PublicUrl.remember(ctx, settings.publicUrl());
                ClientAddress.remember(ctx, settings.trustProxy());
                // Forms are URL-encoded and the API is JSON; nothing uploads files. A multipart body is refused before
                // anything parses it: a malformed one would otherwise throw from deep inside the servlet layer.
                String type = ctx.header("Content-Type");
                if (type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                    throw new HttpResponseException(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                            "Send a form as "
                                    + "application/x-www-form-urlencoded or the API's JSON; multipart bodies are not accepted.");
                }
                rateLimiter.check(ctx);
                OriginCheck.check(ctx);
            });
            ApiRoutes.register(config.routes, calls, feed);
            pages.register(config.routes, feed);
            // Javalin keeps a mapper of its own for HttpResponseException, so the one mapper is named for it as well.
            config.routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e, pages));
            config.routes.exception(Exception.class, (e, ctx) -> fail(ctx, e, pages));
        });
        javalin.start(settings.host(), settings.port());
        return new WebServer(javalin, feed);
    }

    /**
     * The one exception mapper: every failure, a filter's, a handler's or Javalin's own, is an
     * {@link HttpResponseException}, answered by content: a problem under /api/, a page (or a form shown again
     * with the refusal beside its control) elsewhere. Anything else is a bug: logged, and a 500 that says nothing more.
     */
    private static void fail(Context ctx, Exception e, PageRoutes pages) {
        HttpResponseException failure = e instanceof HttpResponseException known ? known : bug(e);
        if (failure instanceof HttpFailure f) {
            f.headers().forEach(ctx::header);
        }
        ctx.status(failure.getStatus());
        if (failure.getStatus() == 403 || failure.getStatus() == 429) {
            // The path names the table; a token is never in it (a manage link's is in the query, the API's in a
            // header).
            AUDIT.info(
                    "{} {}: client {}, {} {}",
                    failure.getStatus(),
                    failure.getStatus() == 403 ? "refused" : "rate limited",
                    ClientAddress.of(ctx),
                    ctx.method(),
                    ctx.path());
        }
        if (ctx.path().startsWith(ApiRoutes.PREFIX)) {
            ApiRoutes.problem(ctx, failure);
        } else {
            pages.failed(ctx, failure);
        }
    }

    private static HttpFailure bug(Exception e) {
        LOG.error("a request failed", e);
        return new HttpFailure(500, "Something went wrong on the server; nothing was changed by this request.");
    }

    /**
     * Jetty's own answers, to what never reaches a handler (a malformed request, a header or URI too long, a body
     * over the backstop): the security headers on every one, and under /api/ a problem like the handlers'.
     */
    private static final class JettyErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            SECURITY_HEADERS.forEach(response.getHeaders()::put);
            if (!Request.getPathInContext(request).startsWith(ApiRoutes.PREFIX)) {
                return super.handle(request, response, callback);
            }
            int status = response.getStatus();
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
            response.write(
                    true,
                    ByteBuffer.wrap(ApiRoutes.problem(
                                    status,
                                    "The server refused this request before reading " + "it: "
                                            + HttpStatus.forStatus(status).getMessage() + ".",
                                    null)
                            .getBytes(StandardCharsets.UTF_8)),
                    callback);
            return true;
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            SECURITY_HEADERS.forEach(fields::put);
            return super.badMessageError(status, reason, fields);
        }
    }

    public int port() {
        return javalin.port();
    }

    public TableFeed feed() {
        return feed;
    }

    @Override
    public void close() {
        feed.close();
        javalin.stop();
    }
}

package bullion.web;

import bullion.engine.Tables;
import bullion.engine.backup.TableExport;
import bullion.web.api.ApiRoutes;
import bullion.web.api.ExportResource;
import bullion.web.live.TableFeed;
import bullion.web.ops.HealthRoutes;
import bullion.web.ops.HttpMetrics;
import bullion.web.ops.MetricsRoute;
import bullion.web.ops.Monitoring;
import bullion.web.ops.RequestLogId;
import bullion.web.pages.GroupPageRoutes;
import bullion.web.pages.PageRoutes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
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

    /**
     * {@link #SECURITY_HEADERS} as fields Jetty has already encoded, in the map's order: put on every answer without
     * looking each name up and encoding it again (the servlet's {@code setHeader} did both, four times a request).
     */
    private static final List<HttpField> SECURITY_FIELDS = SECURITY_HEADERS.entrySet().stream()
            .map(header -> (HttpField) new PreEncodedHttpField(header.getKey(), header.getValue()))
            .toList();

    private static final Logger AUDIT = LoggerFactory.getLogger("bullion.audit");

    private final Javalin javalin;
    private final TableFeed feed;
    /** The monitoring this server made for itself (started without one), closed with it. */
    private final Optional<Monitoring> own;

    private WebServer(Javalin javalin, TableFeed feed, Optional<Monitoring> own) {
        this.javalin = javalin;
        this.feed = feed;
        this.own = own;
    }

    /** Without health checks, and with figures nobody reads (no {@code /metrics}): for tests and tools. */
    public static WebServer start(Tables tables, WebSettings settings) {
        return start(Services.of(tables), settings);
    }

    /** The server with {@code services}; without a monitoring of its own it makes one whose figures go unread. */
    public static WebServer start(Services services, WebSettings settings) {
        if (services.monitoring().isPresent()) {
            return start(services, services.monitoring().orElseThrow(), settings, Optional.empty());
        }
        Monitoring unread = Monitoring.start(Optional.empty());
        try {
            return start(services, unread, settings, Optional.of(unread));
        } catch (RuntimeException e) {
            unread.close();
            throw e;
        }
    }

    private static WebServer start(
            Services services, Monitoring monitoring, WebSettings settings, Optional<Monitoring> own) {
        // Beside Jetty's start, on the other core: a fresh server's first request then finds this code run.
        WebWarmUp.start();
        Tables tables = services.tables();
        WebSettings.Limits limits = settings.limits();
        TableCalls calls = new TableCalls(tables, limits.tableOpensPerMinute());
        Optional<GroupCalls> groupCalls = services.groups().map(g -> new GroupCalls(g, calls));
        PageRoutes pages = new PageRoutes(calls);
        TableFeed feed = new TableFeed(tables, settings.keepAlive(), limits.liveStreamsPerClient());
        RateLimiter rateLimiter = new RateLimiter(limits.requestBurst(), limits.requestsPerMinute());
        HttpMetrics httpMetrics = new HttpMetrics(monitoring.registry());
        monitoring.viewers(feed::viewerCount);
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Requests run on virtual threads: a handler that waits for its table costs no platform thread meanwhile.
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = settings.maxBodyBytes();
            // Javalin's own static file handler reads each file through the class loader. Jetty's (the default) mounts
            // the whole fat jar as a zip file system for each static folder, which was an eighth of start-up's CPU.
            config.resourceHandler(new JavalinStaticResourceHandler());
            config.staticFiles.enableWebjars();
            config.staticFiles.add("/public");
            config.jetty.addConnector((server, http) -> Listener.of(server, http, settings.host(), settings.port()));
            config.jetty.modifyServer(server -> {
                // On stop (stopTimeout > 0) Jetty's connectors stop accepting and wait, up to 10 s, until every
                // connection has closed: an in-flight request finishes and its answer says Connection: close, an idle
                // one closes after 1 s. A request that arrives meanwhile on an open connection is served, not refused:
                // Jetty's GracefulHandler would answer it 503, which a load balancer passes on as a failure during a
                // rolling restart (RollingRestartIT), while a closed connection sends the client to another node.
                // Backstops far above the handlers' own limits: the import's (a whole table's history, up to
                // TableExport.MAX_BYTES) outside, everything else's inside it.
                server.insertHandler(
                        new BodyBackstop(Math.max(16 * settings.maxBodyBytes(), 1 << 20), ExportResource.IMPORT_PATH));
                server.insertHandler(new SizeLimitHandler(TableExport.MAX_BYTES + (1 << 16), -1));
                server.setStopTimeout(10_000);
                server.setErrorHandler(new JettyErrors());
                Connections.install(server, settings);
            });
            // Last for every request, however it ended: time it by route, then take its log request id off the thread.
            config.requestLogger.http((ctx, millis) -> {
                httpMetrics.record(ctx, millis);
                RequestLogId.end();
            });
            config.routes.before(ctx -> {
                RequestLogId.begin(ctx);
                putSecurityHeaders(ctx);
                PublicUrl.remember(ctx, settings.publicUrl());
                ClientAddress.remember(ctx, settings.trustProxy());
                // Forms are URL-encoded and the API is JSON; nothing uploads files. A multipart body is refused before
                // anything parses it: a malformed one would otherwise throw from deep inside the servlet layer.
                String type = ctx.header("Content-Type");
                if (type != null
                        && !type.equals("application/json") // the API's, the usual one: nothing to normalise
                        && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                    throw new HttpResponseException(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                            "Send a form as "
                                    + "application/x-www-form-urlencoded or the API's JSON; multipart bodies are not accepted.");
                }
                // A balancer's probes and an authorized scrape must never be refused for another client's traffic.
                if (!HealthRoutes.isHealthCheck(ctx.path()) && !MetricsRoute.isAuthorizedScrape(ctx, monitoring)) {
                    rateLimiter.check(ctx);
                }
                OriginCheck.check(ctx);
            });
            services.health().ifPresent(h -> HealthRoutes.register(config.routes, h));
            MetricsRoute.register(config.routes, monitoring);
            ApiRoutes.register(config.routes, calls, feed, groupCalls);
            pages.register(config.routes, feed);
            groupCalls.ifPresent(g -> new GroupPageRoutes(g).register(config.routes));
            services.backups().ifPresent(b -> ExportResource.register(config.routes, calls, b));
            // Javalin keeps a mapper of its own for HttpResponseException, so the one mapper is named for it as well.
            config.routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e, pages, monitoring));
            config.routes.exception(Exception.class, (e, ctx) -> fail(ctx, e, pages, monitoring));
        });
        javalin.start(); // on the connector above, at settings.host() and settings.port()
        return new WebServer(javalin, feed, own);
    }

    private static void putSecurityHeaders(Context ctx) {
        ServletContextResponse response = ServletContextResponse.getServletContextResponse(ctx.res());
        if (response == null) {
            SECURITY_HEADERS.forEach(ctx::header);
            return;
        }
        HttpFields.Mutable headers = response.getHeaders();
        for (HttpField field : SECURITY_FIELDS) {
            headers.put(field);
        }
    }

    /**
     * The one exception mapper: every failure, a filter's, a handler's or Javalin's own, is an
     * {@link HttpResponseException}, answered by content: a problem under /api/, a page (or a form shown again
     * with the refusal beside its control) elsewhere. Anything else is a bug: logged, and a 500 that says nothing more.
     */
    private static void fail(Context ctx, Exception e, PageRoutes pages, Monitoring monitoring) {
        HttpResponseException failure = e instanceof HttpResponseException known ? known : bug(e);
        if (failure instanceof HttpFailure f) {
            f.headers().forEach(ctx::header);
        }
        ctx.status(failure.getStatus());
        if (failure.getStatus() == 429) {
            monitoring.rateLimited();
        }
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
        own.ifPresent(Monitoring::close);
    }
}

package bullion.web;

import bullion.engine.Tables;
import bullion.web.api.ApiRoutes;
import bullion.web.live.TableFeed;
import bullion.web.pages.PageRoutes;
import io.javalin.Javalin;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/**
 * The HTTP server: pages and JSON API over one facade, with security headers, a CSRF origin check, a body
 * size limit and per-client rate limiting on every request. Stopping it lets in-flight requests finish.
 */
public final class WebServer implements AutoCloseable {

  private final Javalin javalin;
  private final TableFeed feed;

  private WebServer(Javalin javalin, TableFeed feed) {
    this.javalin = javalin;
    this.feed = feed;
  }

  public static WebServer start(Tables tables, WebSettings settings) {
    Templates templates = new Templates();
    TableFeed feed = new TableFeed(tables, settings.keepAlive());
    RateLimiter rateLimiter = new RateLimiter(settings.requestsPerMinute(), settings.trustProxy());
    Javalin javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      // Requests run on virtual threads: the few handlers that wait on a table (a live stream checking that its
      // table exists) then cost no platform thread while they wait.
      config.concurrency.useVirtualThreads = true;
      config.http.maxRequestSize = settings.maxBodyBytes();
      config.staticFiles.enableWebjars();
      config.staticFiles.add("/public");
      config.jetty.modifyServer(server -> {
        // On stop, refuse new requests but let in-flight ones finish (up to 10 s) before connections close.
        server.insertHandler(new GracefulHandler());
        // A backstop far above the handlers' own limit (which answers with a proper page or problem): no body,
        // however it is sent, is ever read past it.
        server.insertHandler(new SizeLimitHandler(Math.max(16 * settings.maxBodyBytes(), 1 << 20), -1));
        server.setStopTimeout(10_000);
      });
      config.routes.before(ctx -> {
        SecurityHeaders.apply(ctx);
        PublicUrl.remember(ctx, settings.publicUrl());
        ClientAddress.remember(ctx, settings.trustProxy());
        BodyTypes.check(ctx);
        rateLimiter.check(ctx);
        OriginCheck.check(ctx);
      });
      ApiRoutes.register(config.routes, tables, feed);
      PageRoutes.register(config.routes, tables, templates, feed);
    });
    javalin.start(settings.host(), settings.port());
    return new WebServer(javalin, feed);
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

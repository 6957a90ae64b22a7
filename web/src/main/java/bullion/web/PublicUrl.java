package bullion.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The origin this request's users reach Bullion at: the configured public URL if there is one (behind a proxy
 * that rewrites Host, the request's own host is the proxy's idea, not the user's), else the request's scheme
 * and host. The server notes the setting on each request so that pages can build links without knowing the
 * settings.
 */
public final class PublicUrl {

  private static final String ATTRIBUTE = "bullion.publicUrl";

  private PublicUrl() {}

  static void remember(Context ctx, Optional<String> configured) {
    configured.ifPresent(url -> ctx.attribute(ATTRIBUTE, url));
  }

  /** Scheme, host and port (when not the default), without a trailing slash. */
  public static String of(Context ctx) {
    return configured(ctx).orElseGet(() -> ctx.scheme() + "://" + ctx.host());
  }

  static Optional<String> configured(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
  }
}

package bullion.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Set;

/**
 * Refuses cross-site state changes (CSRF): a browser tells where a request comes from in Sec-Fetch-Site and
 * Origin; a change must come from this site. Scripts that send neither header are let through; the JSON API
 * still needs their bearer token.
 */
final class OriginCheck {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private OriginCheck() {}

  static void check(Context ctx) {
    if (SAFE_METHODS.contains(ctx.method().name())) {
      return;
    }
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw forbidden();
    }
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equals("null") && !sameHost(origin, ctx.host())) {
      throw forbidden();
    }
  }

  private static boolean sameHost(String origin, String host) {
    try {
      URI uri = URI.create(origin);
      String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return authority != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private static HttpResponseException forbidden() {
    return new HttpResponseException(HttpStatus.FORBIDDEN.getCode(), "Cross-site requests may not change a table.");
  }
}

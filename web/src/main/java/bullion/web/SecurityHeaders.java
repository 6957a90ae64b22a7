package bullion.web;

import io.javalin.http.Context;

/**
 * Headers on every response: a strict Content-Security-Policy (no inline script or style, no framing), no
 * MIME sniffing, and no Referer, so a manage link's token never leaks to another site.
 */
final class SecurityHeaders {

  static final String CSP = String.join("; ",
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'");

  private SecurityHeaders() {}

  static void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
  }
}

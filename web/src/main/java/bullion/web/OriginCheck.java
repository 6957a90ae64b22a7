package bullion.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses cross-site state changes (CSRF): a browser tells where a request comes from in Sec-Fetch-Site and
 * Origin; a change must come from this site. "This site" is the configured public URL when there is one
 * (a proxy may rewrite Host), else the request's host. Scripts that send neither header are let through;
 * the JSON API still needs their bearer token.
 */
final class OriginCheck {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private OriginCheck() {}

    /** Call after {@link PublicUrl#remember}, so that the configured public URL is known. */
    static void check(Context ctx) {
        if (SAFE_METHODS.contains(ctx.method().name())) {
            return;
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw forbidden();
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        if (origin.equals("null")) {
            // An opaque origin: a sandboxed iframe sends it, but so does Chromium for every form post from our own
            // pages, because they say Referrer-Policy: no-referrer. Only Sec-Fetch-Site, which no page can forge,
            // tells the two apart; without it, "null" is refused.
            if (!"same-origin".equals(site)) {
                throw forbidden();
            }
            return;
        }
        if (!fromHere(origin, PublicUrl.configured(ctx), ctx.host())) {
            throw forbidden();
        }
    }

    static boolean fromHere(String origin, Optional<String> publicUrl, String host) {
        Optional<URI> uri = parse(origin);
        if (uri.isEmpty()) {
            return false;
        }
        if (publicUrl.isPresent()) {
            return WebSettings.normalized(uri.get()).equals(publicUrl.get());
        }
        // Without a public URL the scheme is not compared: TLS may end before this server.
        URI u = uri.get();
        String authority = u.getPort() == -1 ? u.getHost() : u.getHost() + ":" + u.getPort();
        return authority.equalsIgnoreCase(host);
    }

    private static Optional<URI> parse(String origin) {
        try {
            URI uri = new URI(origin);
            return uri.getScheme() != null && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    private static HttpResponseException forbidden() {
        return new HttpResponseException(HttpStatus.FORBIDDEN.getCode(), "Cross-site requests may not change a table.");
    }
}

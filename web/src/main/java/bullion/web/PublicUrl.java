package bullion.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;

/**
 * The origin this request's users reach Bullion at: the configured public URL if there is one (behind a proxy
 * the address a request arrives on is the proxy's idea, not the user's), else the address and port it arrived on. The server notes the setting on each request so that pages can build links without knowing the
 * settings.
 */
public final class PublicUrl {

    private static final String ATTRIBUTE = "bullion.publicUrl";

    private PublicUrl() {}

    static void remember(Context ctx, Optional<String> configured) {
        configured.ifPresent(url -> ctx.attribute(ATTRIBUTE, url));
    }

    /**
     * Scheme, host and port (when not the default), without a trailing slash. Without a configured URL, the address
     * and port this request arrived on, never the Host header: a client names any host it likes there, and a share
     * link or QR code built from it could send a whole table to another site.
     */
    public static String of(Context ctx) {
        return configured(ctx).orElseGet(() -> {
            String address = ctx.req().getLocalAddr();
            String host = address.contains(":") ? "[" + address.replaceFirst("%.*", "") + "]" : address;
            return WebSettings.normalized(
                    URI.create(ctx.scheme() + "://" + host + ":" + ctx.req().getLocalPort()));
        });
    }

    static Optional<String> configured(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}

package bullion.web.pages;

import bullion.engine.TableId;
import bullion.web.PublicUrl;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where a table lives on the web. The view-only path has only the public id; only the manage path carries
 * the secret token, so the share link cannot be turned into the manage link. These paths are shared with
 * the JSON API's viewUrl and manageUrl. The origin is the configured public URL, if any: behind a proxy the
 * request's own host may be one no phone can reach. {@code reader} is the locale of the person reading (from
 * {@code Accept-Language}), which the page's money is written in.
 */
record Links(String origin, TableId id, Locale reader) {

    Links(String origin, TableId id) {
        this(origin, id, Locale.US);
    }

    static Links of(Context ctx, TableId id) {
        return new Links(PublicUrl.of(ctx), id, MoneyText.reader(ctx.header("Accept-Language")));
    }

    /** Whether the links point at this machine only (127.0.0.1, localhost, ::1), which other phones cannot open. */
    boolean loopback() {
        String host = String.valueOf(URI.create(origin).getHost()).replaceAll("^\\[|\\]$", "");
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    static String viewPath(TableId id) {
        return "/t/" + id.value();
    }

    static String managePath(TableId id, String token) {
        return viewPath(id) + "/manage?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    String viewUrl() {
        return origin + viewPath(id);
    }

    String manageUrl(String token) {
        return origin + managePath(id, token);
    }
}

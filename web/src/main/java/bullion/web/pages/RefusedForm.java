package bullion.web.pages;

import bullion.web.PublicUrl;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A form the server refused, carried across the Post/Redirect/Get of a page without JavaScript: the control it is
 * about ({@code field}, as in {@link bullion.web.HttpFailure#field()}), the sentence shown beside it and what was
 * typed, so the page shown after the redirect keeps it. It travels in a short-lived cookie rather than in the
 * redirect's URL: a URL is kept in history and shared, and text in a link would let anyone put words on a Bullion
 * page; a cookie only this site sets, HttpOnly, SameSite=Strict, scoped to the one page's path and gone after a
 * minute (or once shown) has none of that. It never holds the manage token (that stays in the manage URL, where it
 * already is), and works on every node of a cluster because it holds the refusal itself, not a key to one.
 */
record RefusedForm(String where, String field, String message, Map<String, String> typed) {

    static final RefusedForm NONE = new RefusedForm("", "", "", Map.of());

    /** Long enough to follow a redirect on a slow phone, short enough that an old refusal is not shown later. */
    private static final int SECONDS = 60;

    /** The longest text field a page has (a void's reason); anything longer was not typed into these pages. */
    private static final int MAX_VALUE = 200;

    private static final int MAX_VALUES = 12;
    private static final int MAX_MESSAGE = 400;
    private static final int MAX_COOKIE = 3800;

    RefusedForm {
        typed = Map.copyOf(typed);
    }

    /** What {@code ctx}'s form sent, but the token and the request id, refused at {@code field}. */
    static RefusedForm of(Context ctx, String where, String field, String message) {
        Map<String, String> typed = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (!name.equals("token")
                    && !name.equals("requestId")
                    && !values.isEmpty()
                    && typed.size() < MAX_VALUES
                    && name.length() <= 40) {
                typed.put(name, clip(values.getFirst(), MAX_VALUE));
            }
        });
        return new RefusedForm(where, field, clip(message, MAX_MESSAGE), typed);
    }

    /** What was typed into {@code param} of the form refused at {@code control}, or "". */
    String typed(String control, String param) {
        return control.equals(field) ? typed.getOrDefault(param, "") : "";
    }

    /**
     * Sets the cookie that carries this refusal to the page at {@code path}, the redirect's target. A browser keeps
     * a cookie of at most about 4 KB: when what was typed makes it longer (a hostile form can), the typed values are
     * left out, then the sentence is shortened, so the answer is always a redirect the browser follows.
     */
    void send(Context ctx, String name, String path) {
        String value = encode(this);
        if (value.length() > MAX_COOKIE) {
            value = encode(new RefusedForm(where, field, message, Map.of()));
        }
        if (value.length() > MAX_COOKIE) {
            value = encode(new RefusedForm(where, field, clip(message, 100), Map.of()));
        }
        ctx.cookie(cookie(ctx, name, value, path, SECONDS));
    }

    private static String encode(RefusedForm refused) {
        StringBuilder text = new StringBuilder();
        pair(text, "where", refused.where());
        pair(text, "field", refused.field());
        pair(text, "message", refused.message());
        refused.typed().forEach((k, v) -> pair(text, "typed." + k, v));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The refusal a cookie carries to the page {@code where}, read once: the cookie is cleared whether or not it was
     * for this page. A cookie that does not decode (a client may send anything) is none.
     */
    static RefusedForm take(Context ctx, String name, String path, String where) {
        String value = ctx.cookie(name);
        if (value == null) {
            return NONE;
        }
        ctx.cookie(cookie(ctx, name, "", path, 0));
        return decode(value).filter(r -> r.where().equals(where)).orElse(NONE);
    }

    static Optional<RefusedForm> decode(String value) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            Map<String, String> pairs = new LinkedHashMap<>();
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pairs.size() < MAX_VALUES + 3) {
                    pairs.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            clip(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8), MAX_MESSAGE));
                }
            }
            Map<String, String> typed = new LinkedHashMap<>();
            pairs.forEach((k, v) -> {
                if (k.startsWith("typed.")) {
                    typed.put(k.substring("typed.".length()), v);
                }
            });
            if (!pairs.containsKey("where") || !pairs.containsKey("field")) {
                return Optional.empty();
            }
            return Optional.of(
                    new RefusedForm(pairs.get("where"), pairs.get("field"), pairs.getOrDefault("message", ""), typed));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static Cookie cookie(Context ctx, String name, String value, String path, int maxAge) {
        boolean secure = PublicUrl.of(ctx).startsWith("https:");
        return new Cookie(name, value, path, maxAge, secure, true, null, SameSite.STRICT);
    }

    private static void pair(StringBuilder text, String key, String value) {
        if (!text.isEmpty()) {
            text.append('&');
        }
        text.append(URLEncoder.encode(key, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}

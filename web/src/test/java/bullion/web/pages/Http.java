package bullion.web.pages;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for route tests: never follows redirects, so a 303 can be asserted. */
final class Http {

    private static final Pattern MANAGE = Pattern.compile("/t/([A-Za-z0-9_-]{22})/manage\\?token=([A-Za-z0-9_-]+)");

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    Http(String base) {
        this.base = base;
    }

    /** A table's id and manage token, as the redirect after opening it gives them. */
    record Managed(String id, String token) {
        String managePath() {
            return "/t/" + id + "/manage?token=" + token;
        }
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).header("Accept", "text/html").GET().build());
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path, headers)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> htmxPost(String path, Map<String, String> form) {
        return post(path, form, "HX-Request", "true");
    }

    /** Opens a table through the home page's form and follows nothing: the 303 names the manage page. */
    Managed openTable(String name, String price, String chips, String currency) {
        HttpResponse<String> response =
                post("/tables", Map.of("name", name, "price", price, "chips", chips, "currency", currency));
        if (response.statusCode() != 303) {
            throw new AssertionError("opening a table answered " + response.statusCode() + ": " + response.body());
        }
        Matcher m = MANAGE.matcher(response.headers().firstValue("Location").orElseThrow());
        if (!m.matches()) {
            throw new AssertionError("not a manage link: " + response.headers().firstValue("Location"));
        }
        return new Managed(m.group(1), m.group(2));
    }

    /** Posts a manage form with the table's token, as the page's hidden field sends it. */
    HttpResponse<String> change(Managed table, String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("token", table.token());
        return post("/t/" + table.id() + path, form);
    }

    /**
     * A form without JavaScript that the server refused: the answer is a 303 back to the page the form was on, with
     * the refusal in a cookie; this follows it as a browser does and returns the page shown.
     */
    HttpResponse<String> shown(HttpResponse<String> refused) {
        if (refused.statusCode() != 303) {
            throw new AssertionError("a refused form answered " + refused.statusCode() + ": " + refused.body());
        }
        String cookies = refused.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        String location = refused.headers().firstValue("Location").orElseThrow();
        return cookies.isEmpty() ? get(location) : get(location, "Cookie", cookies);
    }

    /** Generous: a first request starts a table's actor and database on a machine shared with other builds. */
    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

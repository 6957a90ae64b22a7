package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Table pages rendered once per version, as a phone gets them: gzipped or not, and never stale. */
class RenderedOnceTest extends PageServer {

    private static final Pattern REQUEST_ID = Pattern.compile("name=\"requestId\" value=\"[0-9a-f-]{36}-(\\d+)\"");

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aViewPageGoesOutGzippedToAPhoneThatTakesGzipAndIsTheSamePage() throws Exception {
        Http.Managed table = night();

        HttpResponse<byte[]> plain = get("/t/" + table.id(), "identity");
        HttpResponse<byte[]> gzipped = get("/t/" + table.id(), "gzip, deflate, br, zstd");

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(gzipped.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        assertThat(text(plain.body())).contains("Dana").contains("id=\"entry-1\"");
    }

    @Test
    void aChangeIsOnTheNextViewAtOnce() throws Exception {
        Http.Managed table = night();
        String before = text(gunzip(get("/t/" + table.id(), "gzip").body()));

        http.change(table, "/players/1/buy-ins", Map.of());
        String after = text(gunzip(get("/t/" + table.id(), "gzip").body()));
        String board = text(get("/t/" + table.id() + "/fragment", "identity").body());

        assertThat(before).doesNotContain("id=\"entry-2\"");
        assertThat(after).contains("id=\"entry-2\"");
        assertThat(board).contains("id=\"entry-2\"");
    }

    @Test
    void eachManagePageHasRequestIdsOfItsOwnAndIsKeptOutOfCaches() throws Exception {
        Http.Managed table = night();

        HttpResponse<byte[]> first = get(table.managePath(), "identity");
        HttpResponse<byte[]> second = get(table.managePath(), "gzip");

        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(second.headers().firstValue("Cache-Control")).hasValue("no-store");
        String one = text(first.body());
        String two = text(gunzip(second.body()));
        assertThat(REQUEST_ID.matcher(one).results().count()).isGreaterThan(3);
        assertThat(one).isNotEqualTo(two);
        assertThat(REQUEST_ID.matcher(one).replaceAll("id-$1"))
                .isEqualTo(REQUEST_ID.matcher(two).replaceAll("id-$1"));
    }

    @Test
    void aRequestIdOfARenderAnsweredFromMemoryRecordsOneChange() {
        Http.Managed table = night();
        http.get(table.managePath()); // the version's page is now kept
        String page = http.get(table.managePath()).body();
        var m = Pattern.compile("/players/1/buy-ins\"[^>]*>\\s*<input type=\"hidden\" name=\"token\" value=\"[^\"]+\">"
                        + "\\s*<input type=\"hidden\" name=\"requestId\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(m.find()).isTrue();
        Map<String, String> form = Map.of("requestId", m.group(1));

        http.change(table, "/players/1/buy-ins", form);
        http.change(table, "/players/1/buy-ins", form); // the same tap sent twice

        String view = http.get("/t/" + table.id()).body();
        assertThat(view).contains("id=\"entry-2\"").doesNotContain("id=\"entry-3\"");
    }

    /** A table with Dana, who bought in once. */
    private static Http.Managed night() {
        Http.Managed table = http.openTable("Friday", "20", "100", "USD");
        http.change(table, "/players", Map.of("name", "Dana"));
        http.change(table, "/players/1/buy-ins", Map.of());
        return table;
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Accept", "text/html")
                .header("Accept-Encoding", acceptEncoding)
                .GET()
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    private static String text(byte[] page) {
        return new String(page, StandardCharsets.UTF_8);
    }
}

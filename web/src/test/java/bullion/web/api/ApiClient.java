package bullion.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON client for the API under test (the JDK's HttpClient). Every response it gets is checked against the
 * OpenAPI document before the test sees it, so every test is also a contract test.
 */
final class ApiClient {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A response whose body is read as JSON when it is JSON. */
    record Response(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        /** A problem's detail, for asserting on the sentence a client is given. */
        String detail() {
            return json().path("detail").asText();
        }
    }

    /** A table opened by a test: its id and manage token. */
    record Opened(String id, String token) {
        String path() {
            return "/api/tables/" + id;
        }
    }

    private final String baseUrl;
    private final HttpClient http;

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** A client whose connections come from {@code from}, e.g. 127.0.0.2: another client as the server sees it. */
    ApiClient(String baseUrl, InetAddress from) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .localAddress(from)
                .build();
    }

    Response get(String path, String... headers) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    /** POSTs {@code body} (JSON text) with the given header name/value pairs. */
    Response post(String path, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
        all.addAll(List.of(headers));
        return send("POST", path, HttpRequest.BodyPublishers.ofString(body), all.toArray(String[]::new));
    }

    /** POSTs as the table's manager. */
    Response change(Opened table, String path, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + table.token()));
        all.addAll(List.of(headers));
        return post(table.path() + path, body, all.toArray(String[]::new));
    }

    Opened open(String body) {
        Response created = post("/api/tables", body);
        if (created.status() != 201) {
            throw new AssertionError("could not open a table: " + created.body());
        }
        return new Opened(
                created.json().get("id").asText(),
                created.json().get("manageToken").asText());
    }

    /** A $20 table of 100 chips a buy-in. */
    Opened open() {
        return open("{\"name\":\"Friday\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100}");
    }

    int addPlayer(Opened table, String name) {
        Response added = change(table, "/players", "{\"name\":\"" + name + "\"}");
        if (added.status() != 201) {
            throw new AssertionError("could not add " + name + ": " + added.body());
        }
        return added.json().get("id").asInt();
    }

    Response send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        return send(false, method, path, body, headers);
    }

    /**
     * Sends with {@code Expect: 100-continue}, as a careful client uploading megabytes would. The server refuses an
     * oversized body on its declared length and closes the connection; a client streaming it without asking first
     * may see that close before it reads the 413 (CI saw "header parser received no bytes").
     */
    Response sendAskingFirst(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        return send(true, method, path, body, headers);
    }

    private Response send(
            boolean expectContinue, String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .expectContinue(expectContinue)
                .method(method, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Response answer = new Response(response.statusCode(), response.headers(), response.body());
            OpenApiContract.DOCUMENT.check(
                    method,
                    path,
                    answer.status(),
                    answer.header("Content-Type"),
                    response.headers().map(),
                    answer.body());
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OpenAPI document as a test oracle: every response a test gets must be documented for its route, method
 * and status, with its content type and headers, and its body must match the JSON Schema there (2020-12,
 * formats asserted). So the document cannot drift from what the server does.
 */
final class OpenApiContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static final OpenApiContract DOCUMENT = new OpenApiContract(load());

    private final JsonNode document;

    OpenApiContract(JsonNode document) {
        this.document = document;
    }

    JsonNode document() {
        return document;
    }

    static JsonNode load() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails the test unless this response is what the document promises for {@code method path}. */
    void check(
            String method, String path, int status, Optional<String> contentType, Map<String, ?> headers, String body) {
        JsonNode response = response(method, path, status);
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            assertThat(body)
                    .as("%s %s %d documents no body", method, path, status)
                    .isEmpty();
            return;
        }
        String type = contentType
                .map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT))
                .orElseGet(() -> fail("%s %s %d has no Content-Type", method, path, status));
        JsonNode media = content.path(type);
        if (media.isMissingNode()) {
            fail(
                    "%s %s %d answered %s, but the document only has %s",
                    method, path, status, type, content.properties());
        }
        for (Iterator<String> names = response.path("headers").fieldNames(); names.hasNext(); ) {
            String header = names.next();
            assertThat(headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase(header)))
                    .as("%s %s %d must send the documented header %s", method, path, status, header)
                    .isTrue();
        }
        if (type.endsWith("json")) {
            validate(media.path("schema"), parse(body), method + " " + path + " " + status);
        }
    }

    /** The documented response, following a $ref into components; fails if the route or status is undocumented. */
    JsonNode response(String method, String path, int status) {
        JsonNode operation = operation(method, path);
        JsonNode response = operation.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            fail("%s %s answered %d, which the OpenAPI document does not list", method, path, status);
        }
        return resolve(response);
    }

    JsonNode operation(String method, String path) {
        String route = route(path).orElseGet(() -> fail("%s is not a path in the OpenAPI document", path));
        JsonNode operation = document.path("paths").path(route).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            fail("%s %s is not an operation in the OpenAPI document", method, route);
        }
        return operation;
    }

    /** The document's path template that {@code path} (without query) matches, e.g. /api/tables/{id}. */
    Optional<String> route(String path) {
        String bare = path.split("\\?")[0];
        if (document.path("paths").has(bare)) {
            return Optional.of(bare); // OpenAPI: a concrete path wins over a template (/api/tables/import, not {id})
        }
        for (Iterator<String> routes = document.path("paths").fieldNames(); routes.hasNext(); ) {
            String route = routes.next();
            String regex = Pattern.quote(route).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (bare.matches(regex)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /**
     * Validates against a schema of the document. The schema is given the document's components at its root,
     * so its "#/components/schemas/..." references resolve as they do in the document.
     */
    private void validate(JsonNode schema, JsonNode body, String where) {
        ObjectNode root = schema.deepCopy();
        root.set("components", document.path("components"));
        JsonSchema compiled = SCHEMAS.getSchema(root, CONFIG);
        Set<ValidationMessage> errors = compiled.validate(body);
        assertThat(errors)
                .as("%s: body %s does not match the OpenAPI document", where, body)
                .isEmpty();
    }

    private static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return fail("not JSON: " + body, e);
        }
    }
}

package bullion.web.api;

import bullion.web.Numbers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A request body read as a JSON object, with typed getters whose failures say which field is wrong and how.
 * It checks only JSON shape (present, string, a whole number that fits in a long); whether a value is allowed is the core's call.
 */
final class JsonBody {

  /** How much of a refused value an error message repeats. */
  static final int MAX_ECHOED = 40;

  private final ObjectNode object;

  private JsonBody(ObjectNode object) {
    this.object = object;
  }

  /** An empty body counts as {@code {}}, so commands without fields (close, reopen) need no body. */
  static JsonBody parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return new JsonBody(ApiJson.MAPPER.createObjectNode());
    }
    JsonNode node;
    try {
      node = ApiJson.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiProblem.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw ApiProblem.badRequest("The request body must be a JSON object, not " + describe(node) + ".");
    }
    return new JsonBody(object);
  }

  String requiredText(String field) {
    return optionalText(field).orElseThrow(() -> missing(field, "a string"));
  }

  Optional<String> optionalText(String field) {
    return present(field).map(node -> {
      if (!node.isTextual()) {
        throw wrongType(field, "a string", node);
      }
      return node.textValue();
    });
  }

  long requiredWholeNumber(String field) {
    return optionalWholeNumber(field).orElseThrow(() -> missing(field, "a whole number"));
  }

  Optional<Long> optionalWholeNumber(String field) {
    return present(field).map(node -> {
      if (!node.isNumber()) {
        throw wrongType(field, "a whole number", node);
      }
      // Checked on the node, never by converting: 1e999999999 as a BigDecimal is cheap, but its plain digits or an
      // exact conversion are a billion characters of work. asText() keeps the exponent, so it stays short.
      if (!node.isIntegralNumber() || !node.canConvertToLong()) {
        throw ApiProblem.badRequest("\"" + field + "\" must be a whole number from " + Long.MIN_VALUE + " to "
            + Long.MAX_VALUE + ", not " + Numbers.shortened(node.asText(), MAX_ECHOED) + ".");
      }
      return node.longValue();
    });
  }

  /** A JSON null counts as absent, the same as leaving the field out. */
  private Optional<JsonNode> present(String field) {
    JsonNode node = object.get(field);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  private static ApiProblem missing(String field, String expected) {
    return ApiProblem.badRequest("\"" + field + "\" is required: " + expected + ".");
  }

  private static ApiProblem wrongType(String field, String expected, JsonNode node) {
    return ApiProblem.badRequest("\"" + field + "\" must be " + expected + ", not " + describe(node) + ".");
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL -> "null";
      default -> "something else";
    };
  }
}

package bullion.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import bullion.web.HttpFailure;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.UncheckedIOException;

/**
 * The API's one Jackson mapper and the only place its answers are written. Absent optional fields are left out
 * rather than sent as null. Reading is strict: a repeated key or trailing text is malformed JSON, not a guess.
 */
final class ApiJson {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /**
   * RFC 9457 problem details. Every problem has type {@code about:blank}, so its title is the status's standard
   * phrase and {@code detail} the specific sentence; a rejection by the core is also named in {@code rejection},
   * so scripts can tell one 409 from another without parsing English.
   */
  record Problem(String type, String title, int status, String detail, String rejection) {}

  private ApiJson() {}

  static void send(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(write(body));
  }

  static void problem(Context ctx, HttpResponseException failure) {
    String rejection = failure instanceof HttpFailure f ? f.rejection().orElse(null) : null;
    ctx.contentType("application/problem+json").result(write(new Problem("about:blank",
        title(failure.getStatus()), failure.getStatus(), failure.getMessage(), rejection)));
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }

  static String write(Object body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

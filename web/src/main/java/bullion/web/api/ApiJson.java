package bullion.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/**
 * The API's one Jackson mapper and the only place a {@link Reply} is written to a response. Absent optional
 * fields are left out rather than sent as null. Reading is strict: a repeated key or trailing text is
 * malformed JSON, not a guess at what the client meant.
 */
final class ApiJson {

  static final String CONTENT_TYPE = "application/json";

  static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private ApiJson() {}

  static void send(Context ctx, Reply reply) {
    ctx.status(reply.status());
    reply.headers().forEach(ctx::header);
    switch (reply) {
      case Reply.Json json -> ctx.contentType(CONTENT_TYPE).result(write(json.body()));
      case Reply.Problem problem -> ctx.contentType(ProblemJson.CONTENT_TYPE).result(write(ProblemJson.body(problem)));
    }
  }

  static String write(Object body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

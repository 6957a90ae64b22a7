package bullion.web.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's OpenAPI 3.1 contract, written by hand in {@code openapi.json} beside the code and served as is.
 * The tests check every response they get against it, so it cannot drift from what the server does.
 */
final class OpenApiDocument {

  static final String RESOURCE = "/openapi.json";

  private final byte[] json;

  OpenApiDocument() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      json = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void serve(Context ctx) {
    ctx.contentType(ApiJson.CONTENT_TYPE).result(json);
  }
}

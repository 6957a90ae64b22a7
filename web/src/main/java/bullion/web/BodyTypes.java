package bullion.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

/**
 * Bullion's forms are URL-encoded and its API is JSON; nothing uploads files. Multipart bodies are refused up
 * front (415), so that no handler ever parses one: a malformed multipart body would otherwise throw from deep
 * inside the servlet layer.
 */
final class BodyTypes {

  private BodyTypes() {}

  static void check(Context ctx) {
    String type = ctx.header("Content-Type");
    if (type != null && type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
      throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
          "Send a form as application/x-www-form-urlencoded or the API's JSON; multipart bodies are not accepted.");
    }
  }
}

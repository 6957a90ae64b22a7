package bullion.web.api;

import io.javalin.http.Context;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manage token from {@code Authorization: Bearer <token>} (RFC 6750). Without one a change is 401; whether
 * it is the right one only the table knows (403 if not). The token is never logged or echoed.
 */
final class BearerToken {

  private static final Pattern BEARER = Pattern.compile("(?i)Bearer +([A-Za-z0-9._~+/-]+=*) *");
  private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"bullion\"");

  private BearerToken() {}

  static String from(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw ApiProblem.withHeaders(401,
          "Changing a table needs its manage token: send the header Authorization: Bearer <manageToken>.", CHALLENGE);
    }
    Matcher matcher = BEARER.matcher(header);
    if (!matcher.matches()) {
      throw ApiProblem.withHeaders(401,
          "The Authorization header must be \"Bearer <manageToken>\".", CHALLENGE);
    }
    return matcher.group(1);
  }
}

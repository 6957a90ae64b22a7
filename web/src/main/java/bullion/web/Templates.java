package bullion.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * JTE templates precompiled at build time (jte-maven-plugin), HTML auto-escaping on, so everything a user typed
 * is shown as text. Javalin 7's rendering add-on is not in the repository here; this is all it would do.
 */
public final class Templates {

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Renders {@code template} whose single parameter is {@code model}. */
  public String render(String template, Object model) {
    StringOutput out = new StringOutput();
    engine.render(template, model, out);
    return out.toString();
  }

  public void html(Context ctx, String template, Object model) {
    ctx.html(render(template, model));
  }
}

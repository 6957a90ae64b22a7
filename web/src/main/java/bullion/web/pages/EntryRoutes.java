package bullion.web.pages;

import bullion.engine.TableId;
import bullion.engine.Tables;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/** The ledger's entries: voiding one (it stays in the ledger, struck through, and stops counting). */
final class EntryRoutes {

  private final Tables tables;
  private final TableResponses responses;

  private EntryRoutes(Tables tables, TableResponses responses) {
    this.tables = tables;
    this.responses = responses;
  }

  static void register(RoutesConfig routes, Tables tables, TableResponses responses) {
    EntryRoutes entries = new EntryRoutes(tables, responses);
    routes.post("/t/{id}/entries/{seq}/void", entries::voidEntry);
  }

  private void voidEntry(Context ctx) {
    Optional<TableId> id = FormInput.tableId(ctx);
    Optional<Integer> seq = FormInput.pathInt(ctx, "seq");
    if (id.isEmpty() || seq.isEmpty()) {
      ErrorPages.notFound(ctx);
      return;
    }
    String token = FormInput.token(ctx);
    Optional<String> reason = Optional.of(FormInput.text(ctx, "reason").strip()).filter(r -> !r.isEmpty());
    ctx.future(() -> responses.afterChange(ctx, id.get(), token,
        tables.voidEntry(id.get(), token, seq.get(), reason, FormInput.requestId(ctx)),
        message -> FormError.voidEntry(seq.get(), message)));
  }
}

package bullion.web.pages;

import bullion.core.Command;
import bullion.engine.TableId;
import bullion.web.Input;
import io.javalin.config.RoutesConfig;
import java.util.Optional;

/** The ledger's entries: voiding one (it stays in the ledger, struck through, and stops counting). */
final class EntryRoutes {

  private EntryRoutes() {}

  static void register(RoutesConfig routes, PageRoutes pages) {
    routes.post("/t/{id}/entries/{seq}/void", ctx -> {
      TableId id = Input.tableId(ctx);
      int seq = Input.seq(ctx);
      Optional<String> reason = Optional.of(Form.text(ctx, "reason").strip()).filter(r -> !r.isEmpty());
      pages.change(ctx, id, new Command.VoidEntry(seq, reason), "void:" + seq);
    });
  }
}

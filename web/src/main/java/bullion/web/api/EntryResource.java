package bullion.web.api;

import bullion.core.Entry;
import bullion.core.Event;
import bullion.engine.TableId;
import bullion.engine.Tables;
import io.javalin.http.Context;
import java.util.Optional;

/** /api/tables/{id}/ledger and /entries/{seq}: read the ledger and void a line of it. */
final class EntryResource {

  private final Tables tables;

  EntryResource(Tables tables) {
    this.tables = tables;
  }

  void ledger(Context ctx) {
    TableId id = PathParams.tableId(ctx);
    FacadeCalls.answer(ctx, tables.view(id, Optional.empty()).thenApply(outcome -> FacadeCalls.reply(outcome, id,
        done -> Reply.Json.ok(TableJson.ledger(id.value(), done.table())))));
  }

  void voidEntry(Context ctx) {
    FacadeCalls.change(ctx, tables, body -> RequestBodies.voidEntry(PathParams.seq(ctx), body), done -> {
      Event.EntryVoided voided = TableResource.only(done.events(), Event.EntryVoided.class);
      Entry original = done.table().entry(voided.seq()).orElseThrow();
      return Reply.Json.ok(TableJson.voided(original, voided));
    });
  }
}

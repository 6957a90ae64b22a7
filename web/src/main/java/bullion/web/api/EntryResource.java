package bullion.web.api;

import bullion.core.Command;
import bullion.core.Entry;
import bullion.core.Event;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.web.Input;
import bullion.web.TableCalls;
import io.javalin.http.Context;
import java.util.Optional;

/** /api/tables/{id}/ledger and /entries/{seq}: read the ledger and void a line of it. */
final class EntryResource {

  private final TableCalls calls;

  EntryResource(TableCalls calls) {
    this.calls = calls;
  }

  void ledger(Context ctx) {
    TableId id = Input.tableId(ctx);
    ApiJson.send(ctx, 200, TableJson.ledger(id.value(), calls.view(id, Optional.empty()).table()));
  }

  /** {@code {"reason"?}}. */
  void voidEntry(Context ctx) {
    Outcome.Done done = TableResource.change(ctx, calls,
        body -> new Command.VoidEntry(Input.seq(ctx), body.optionalText("reason")));
    Event.EntryVoided voided = TableResource.only(done.events(), Event.EntryVoided.class);
    Entry original = done.table().entry(voided.seq()).orElseThrow();
    ApiJson.send(ctx, 200, TableJson.voided(original, voided, done.table().settings()));
  }
}

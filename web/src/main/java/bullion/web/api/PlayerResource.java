package bullion.web.api;

import bullion.core.Command;
import bullion.core.Event;
import bullion.engine.Outcome;
import bullion.web.Input;
import bullion.web.TableCalls;
import io.javalin.http.Context;

/** /api/tables/{id}/players: seat a player, and record their buy-ins and cash-outs. */
final class PlayerResource {

  private final TableCalls calls;

  PlayerResource(TableCalls calls) {
    this.calls = calls;
  }

  void add(Context ctx) {
    Outcome.Done done = TableResource.change(ctx, calls, body -> new Command.AddPlayer(body.requiredText("name")));
    Event.PlayerJoined joined = TableResource.only(done.events(), Event.PlayerJoined.class);
    ApiJson.send(ctx, 201, new TableJson.NewPlayerView(joined.playerId(), joined.name()));
  }

  void buyIn(Context ctx) {
    Outcome.Done done = TableResource.change(ctx, calls, body -> body.buyIn(Input.playerId(ctx)));
    ApiJson.send(ctx, 201, TableJson.boughtIn(done));
  }

  /** {@code {"chips":22}}. */
  void cashOut(Context ctx) {
    Outcome.Done done = TableResource.change(ctx, calls,
        body -> new Command.CashOut(Input.playerId(ctx), body.requiredWholeNumber("chips")));
    ApiJson.send(ctx, 201, TableJson.entry(TableResource.only(done.events(), Event.CashedOut.class)));
  }
}

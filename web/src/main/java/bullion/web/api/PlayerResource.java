package bullion.web.api;

import bullion.core.Event;
import bullion.engine.Tables;
import io.javalin.http.Context;

/** /api/tables/{id}/players: seat a player, and record their buy-ins and cash-outs. */
final class PlayerResource {

  private final Tables tables;

  PlayerResource(Tables tables) {
    this.tables = tables;
  }

  void add(Context ctx) {
    FacadeCalls.change(ctx, tables, RequestBodies::addPlayer, done -> {
      Event.PlayerJoined joined = TableResource.only(done.events(), Event.PlayerJoined.class);
      return Reply.Json.created(new TableJson.NewPlayerView(joined.playerId(), joined.name()));
    });
  }

  void buyIn(Context ctx) {
    FacadeCalls.change(ctx, tables, body -> RequestBodies.buyIn(PathParams.playerId(ctx), body),
        done -> Reply.Json.created(TableJson.entry(TableResource.only(done.events(), Event.BoughtIn.class))));
  }

  void cashOut(Context ctx) {
    FacadeCalls.change(ctx, tables, body -> RequestBodies.cashOut(PathParams.playerId(ctx), body),
        done -> Reply.Json.created(TableJson.entry(TableResource.only(done.events(), Event.CashedOut.class))));
  }
}

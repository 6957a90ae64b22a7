package bullion.bench.baseline;

import bullion.core.Event;
import bullion.core.PlayerBalance;
import bullion.core.Table;
import bullion.core.TableReport;
import bullion.core.Transfer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The baseline's JSON: the same shape as Bullion's (openapi.json's Table, Entry and NewPlayer). */
final class ViewJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ViewJson() {}

    static ObjectNode table(String id, Table table, TableReport report) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id)
                .put("name", table.settings().name())
                .put("currency", table.settings().currency().getCurrencyCode())
                .put("buyIn", table.settings().buyIn().toDecimalString())
                .put("chipsPerBuyIn", table.settings().chipsPerBuyIn())
                .put("status", table.closed() ? "closed" : "open");
        ArrayNode players = json.putArray("players");
        for (PlayerBalance b : report.players()) {
            players.addObject()
                    .put("id", b.player().id())
                    .put("name", b.player().name())
                    .put("buyIns", b.buyIns())
                    .put("chipsBought", b.chipsBought())
                    .put("chipsCashedOut", b.chipsCashedOut())
                    .put("chipsOut", b.chipsOut())
                    .put("paidIn", b.paidIn().toDecimalString())
                    .put("cashedOutValue", b.cashedOutValue().toDecimalString())
                    .put("net", b.net().toDecimalString());
        }
        json.putObject("totals")
                .put("chipsBought", report.totals().chipsBought())
                .put("chipsCashedOut", report.totals().chipsCashedOut())
                .put("chipsOnTable", report.totals().chipsOnTable())
                .put("moneyIn", report.totals().moneyIn().toDecimalString())
                .put("moneyOut", report.totals().moneyOut().toDecimalString());
        ObjectNode settlement =
                json.putObject("settlement").put("complete", report.settlement().complete());
        ArrayNode transfers = settlement.putArray("transfers");
        for (Transfer t : report.settlement().transfers()) {
            transfers
                    .addObject()
                    .put("from", t.fromPlayerId())
                    .put("to", t.toPlayerId())
                    .put("amount", t.amount().toDecimalString());
        }
        json.put("version", table.version());
        return json;
    }

    /** What a change answers: the new player, or the new ledger entry. */
    static ObjectNode result(Table after, Event event) {
        ObjectNode json = JSON.createObjectNode();
        return switch (event) {
            case Event.PlayerJoined j -> json.put("id", j.playerId()).put("name", j.name());
            case Event.BoughtIn b ->
                json.put("seq", b.seq())
                        .put("at", b.at().toString())
                        .put("kind", "buy-in")
                        .put("playerId", b.playerId())
                        .put("count", b.count())
                        .put("voided", false);
            case Event.CashedOut c ->
                json.put("seq", c.seq())
                        .put("at", c.at().toString())
                        .put("kind", "cash-out")
                        .put("playerId", c.playerId())
                        .put("chips", c.chips())
                        .put("voided", false);
            default -> json.put("version", after.version());
        };
    }
}

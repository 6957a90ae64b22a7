package bullion.web.api;

import bullion.core.Entry;
import bullion.core.Event;
import bullion.core.Money;
import bullion.core.PlayerBalance;
import bullion.core.Table;
import bullion.core.TableReport;
import bullion.core.Transfer;
import bullion.web.TotalsView;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The API's view of a table, as records Jackson writes. Every number comes from {@link TableReport}; this
 * only renames and formats: money as decimal strings with the currency's minor digits, chips as integers.
 */
final class TableJson {

  record TableView(String id, String name, String currency, String buyIn, long chipsPerBuyIn, String status,
      List<PlayerView> players, TotalsView totals, SettlementView settlement, long version) {}

  record PlayerView(int id, String name, long buyIns, long chipsBought, long chipsCashedOut, long chipsOut,
      String paidIn, String cashedOutValue, String net) {}

  /** {@code discrepancy} is left out unless the table was closed with chips never cashed out. */
  record SettlementView(boolean complete, List<TransferView> transfers, DiscrepancyView discrepancy) {}

  record TransferView(int from, int to, String amount) {}

  record DiscrepancyView(long missingChips, String value, String message) {}

  /** The answer to creating a table: the only time its manage token is ever shown. */
  record CreatedTableView(@JsonUnwrapped TableView table, String manageToken, String viewUrl, String manageUrl) {
    /** Leaves out the token and the manage URL that carries it, so a log line cannot leak them. */
    @Override
    public String toString() {
      return "CreatedTableView[table=" + table + ", viewUrl=" + viewUrl + ", manageToken and manageUrl redacted]";
    }
  }

  record NewPlayerView(int id, String name) {}

  /** A ledger line; {@code count} (buy-ins) for a buy-in, {@code chips} for a cash-out. */
  record EntryView(int seq, String at, String kind, int playerId, Long count, Long chips, boolean voided,
      String voidedAt, String reason) {}

  record LedgerView(String tableId, long version, List<EntryView> entries) {}

  /** The answer to closing or reopening: what happened and when, so a repeated request gets the same answer. */
  record StatusView(String tableId, String status, String at) {}

  private TableJson() {}

  static TableView table(String id, Table table) {
    TableReport report = TableReport.of(table);
    return new TableView(id, table.settings().name(), table.settings().currency().getCurrencyCode(),
        money(table.settings().buyIn()), table.settings().chipsPerBuyIn(), status(table.closed()),
        report.players().stream().map(TableJson::player).toList(),
        TotalsView.of(report.totals(), TableJson::money),
        new SettlementView(report.settlement().complete(),
            report.settlement().transfers().stream().map(TableJson::transfer).toList(),
            report.settlement().discrepancy()
                .map(d -> new DiscrepancyView(d.missingChips(), money(d.value()), d.message()))
                .orElse(null)),
        table.version());
  }

  static CreatedTableView created(String id, Table table, String manageToken) {
    return new CreatedTableView(table(id, table), manageToken, viewUrl(id), "/t/" + id + "/manage?token=" + manageToken);
  }

  static String viewUrl(String id) {
    return "/t/" + id;
  }

  static LedgerView ledger(String id, Table table) {
    return new LedgerView(id, table.version(), table.entries().stream().map(TableJson::entry).toList());
  }

  static EntryView entry(Entry entry) {
    boolean buyIn = entry.kind() == Entry.Kind.BUY_IN;
    return new EntryView(entry.seq(), entry.at().toString(), buyIn ? "buy-in" : "cash-out", entry.playerId(),
        buyIn ? entry.quantity() : null, buyIn ? null : entry.quantity(), entry.voided(),
        entry.voiding().map(v -> v.at().toString()).orElse(null),
        entry.voiding().map(Entry.Voiding::reason).orElse(null));
  }

  /** The entry as the event that recorded it left it, not as it is now: a repeated request sees the same. */
  static EntryView entry(Event.BoughtIn event) {
    return entry(new Entry(event.seq(), event.at(), event.playerId(), Entry.Kind.BUY_IN, event.count(), Optional.empty()));
  }

  static EntryView entry(Event.CashedOut event) {
    return entry(new Entry(event.seq(), event.at(), event.playerId(), Entry.Kind.CASH_OUT, event.chips(), Optional.empty()));
  }

  /** A voided entry: the ledger line never changes but for its voiding, which the event carries. */
  static EntryView voided(Entry original, Event.EntryVoided event) {
    return entry(new Entry(original.seq(), original.at(), original.playerId(), original.kind(), original.quantity(),
        Optional.of(new Entry.Voiding(event.at(), event.reason()))));
  }

  static StatusView status(String id, boolean closed, Instant at) {
    return new StatusView(id, status(closed), at.toString());
  }

  private static String status(boolean closed) {
    return closed ? "closed" : "open";
  }

  private static PlayerView player(PlayerBalance b) {
    return new PlayerView(b.player().id(), b.player().name(), b.buyIns(), b.chipsBought(), b.chipsCashedOut(),
        b.chipsOut(), money(b.paidIn()), money(b.cashedOutValue()), money(b.net()));
  }

  private static TransferView transfer(Transfer t) {
    return new TransferView(t.fromPlayerId(), t.toPlayerId(), money(t.amount()));
  }

  private static String money(Money money) {
    return money.toDecimalString();
  }
}

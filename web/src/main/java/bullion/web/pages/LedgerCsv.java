package bullion.web.pages;

import bullion.core.Entry;
import bullion.core.Money;
import bullion.core.Player;
import bullion.core.Table;
import bullion.core.TableTerms;

/**
 * A table's ledger as CSV (RFC 4180), oldest first as it was recorded. A cell that a spreadsheet would take
 * for a formula (a name starting with =, +, - or @) is prefixed with an apostrophe so it stays text.
 */
final class LedgerCsv {

  private LedgerCsv() {}

  static String of(Table table) {
    TableTerms settings = table.settings();
    StringBuilder csv = new StringBuilder("seq,time,player,kind,buy_ins,chips,amount,currency,voided,void_reason\r\n");
    for (Entry e : table.entries()) {
      boolean buyIn = e.kind() == Entry.Kind.BUY_IN;
      String player = table.player(e.playerId()).map(Player::name).orElse("");
      row(csv,
          String.valueOf(e.seq()),
          e.at().toString(),
          player,
          buyIn ? "buy-in" : "cash-out",
          buyIn ? String.valueOf(e.quantity()) : "",
          String.valueOf(e.chips(settings.chipsPerBuyIn())),
          e.paid(settings).map(Money::toDecimalString).orElse(""),
          settings.currency().getCurrencyCode(),
          e.voided() ? "yes" : "no",
          e.voiding().map(Entry.Voiding::reason).orElse(""));
    }
    return csv.toString();
  }

  private static void row(StringBuilder csv, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells[i]));
    }
    csv.append("\r\n");
  }

  static String cell(String value) {
    String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote = text.contains("\"") || text.contains(",") || text.contains("\r") || text.contains("\n");
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}

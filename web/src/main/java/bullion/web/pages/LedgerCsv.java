package bullion.web.pages;

import bullion.core.Entry;
import bullion.core.Money;
import bullion.core.Payment;
import bullion.core.Player;
import bullion.core.PlayerBalance;
import bullion.core.Table;
import bullion.core.TableReport;
import bullion.core.TableTerms;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A table's ledger as CSV (RFC 4180), oldest first as it was recorded, then after a blank line each player's
 * numbers (nets include the adjustment for chips still out at the close), then the payments with their paid
 * marks. UTF-8 with a byte order mark, so spreadsheets read accents and emoji. A cell that a spreadsheet would take
 * for a formula (a name starting with =, +, - or @) is prefixed with an apostrophe so it stays text; a plain
 * number, such as a negative net, stays a number.
 */
final class LedgerCsv {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

    private LedgerCsv() {}

    static String of(Table table) {
        TableTerms settings = table.settings();
        String currency = settings.currency().getCurrencyCode();
        StringBuilder csv = new StringBuilder(
                "\uFEFFseq,time,player,kind,buy_ins,chips,amount,currency,voided,void_reason,paid\r\n");
        for (Entry e : table.entries()) {
            boolean buyIn = e.kind() == Entry.Kind.BUY_IN;
            String player = table.player(e.playerId()).map(Player::name).orElse("");
            row(
                    csv,
                    String.valueOf(e.seq()),
                    e.at().toString(),
                    player,
                    buyIn ? "buy-in" : "cash-out",
                    e.buyIns() == 0 ? "" : String.valueOf(e.buyIns()),
                    String.valueOf(e.chips(settings.chipsPerBuyIn())),
                    e.paid(settings).map(Money::toDecimalString).orElse(""),
                    currency,
                    e.voided() ? "yes" : "no",
                    e.voiding().map(Entry.Voiding::reason).orElse(""),
                    buyIn ? e.paid().name().toLowerCase(Locale.ROOT) : "");
        }
        TableReport report = TableReport.of(table);
        csv.append("\r\nplayer,paid_in,paid_cash,cashed_out_value,adjustment,net,currency\r\n");
        for (PlayerBalance b : report.players()) {
            row(
                    csv,
                    b.player().name(),
                    b.paidIn().toDecimalString(),
                    b.paidCash().toDecimalString(),
                    b.cashedOutValue().toDecimalString(),
                    b.adjustment().toDecimalString(),
                    b.net().toDecimalString(),
                    currency);
        }
        csv.append("\r\npayment,from,to,amount,currency,paid,paid_at\r\n");
        for (Payment p : report.settlement().payments()) {
            row(
                    csv,
                    String.valueOf(p.n()),
                    SettlementText.name(table, p.from()),
                    SettlementText.name(table, p.to()),
                    p.amount().toDecimalString(),
                    currency,
                    p.paid() ? "yes" : "no",
                    p.paidAt().map(Object::toString).orElse(""));
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
        if (NUMBER.matcher(value).matches()) {
            return value; // a negative net is a number, not a formula
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.contains("\"") || text.contains(",") || text.contains("\r") || text.contains("\n");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}

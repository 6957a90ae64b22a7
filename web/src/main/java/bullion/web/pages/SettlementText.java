package bullion.web.pages;

import bullion.core.Party;
import bullion.core.PayLinks;
import bullion.core.Payment;
import bullion.core.Player;
import bullion.core.Settlement;
import bullion.core.Table;
import bullion.core.TableReport;
import java.util.Locale;

/**
 * A table's settle-up as plain text to paste into a group chat: each payment with its paid mark and pay links,
 * and how many are paid. The page's "Copy for the group chat" button and the API's settlement.txt share it.
 */
public final class SettlementText {

    private SettlementText() {}

    public static String of(Table table) {
        return of(table, Locale.US);
    }

    /** The text with amounts as {@code reader} writes them: what the page's Copy button copies. */
    static String of(Table table, Locale reader) {
        Settlement settlement = TableReport.of(table).settlement();
        StringBuilder text = new StringBuilder(table.settings().name()).append(": settle-up\n");
        if (!settlement.complete()) {
            return text.append("Not yet: ")
                    .append(table.chipsOnTable())
                    .append(" chips are still on the table.\n")
                    .toString();
        }
        settlement.discrepancy().ifPresent(d -> text.append(d.message()).append('\n'));
        for (Payment p : settlement.payments()) {
            text.append(p.n())
                    .append(". ")
                    .append(name(table, p.from()))
                    .append(" pays ")
                    .append(name(table, p.to()))
                    .append(' ')
                    .append(MoneyText.of(p.amount(), reader))
                    .append(p.paid() ? " \u2713 paid" : "")
                    .append('\n');
            for (PayLinks.PayLink link : PayLinks.forPayment(table, p)) {
                text.append("   ")
                        .append(link.app().label())
                        .append(": ")
                        .append(link.url())
                        .append('\n');
            }
        }
        return text.append(
                        settlement.payments().isEmpty()
                                ? "Everyone is square: nobody pays anybody.\n"
                                : settlement.paidCount() + " of "
                                        + settlement.payments().size() + " paid.\n")
                .toString();
    }

    /** "Bank" or the player's name. */
    static String name(Table table, Party party) {
        return party instanceof Party.Player p
                ? table.player(p.playerId()).map(Player::name).orElse("Player " + p.playerId())
                : "Bank";
    }
}

package bullion.web.pages;

import bullion.core.Entry;
import bullion.core.Money;
import bullion.core.Paid;
import bullion.core.Party;
import bullion.core.PayApp;
import bullion.core.PayLinks;
import bullion.core.Player;
import bullion.core.PlayerBalance;
import bullion.core.Settlement;
import bullion.core.Table;
import bullion.core.TableReport;
import bullion.core.TableTerms;
import bullion.engine.TableId;
import bullion.web.TotalsView;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything the table page and its live board show, formatted from the {@link Table} and its
 * {@link TableReport}; the templates only print these values. {@code manage} is true only when the caller's
 * token matched, and only then does the page carry the token (in {@code token}, {@code boardPath} and
 * {@code manageUrl}). {@code version} grows with every change, so a live page can tell a stale board from a new one.
 */
public record TablePage(
        String id,
        long version,
        String name,
        String price,
        long chipsPerBuyIn,
        String chipValue,
        String currency,
        boolean closed,
        boolean manage,
        String token,
        String viewUrl,
        String manageUrl,
        String qrPath,
        String boardPath,
        String livePath,
        String actionPath,
        String csvPath,
        List<PlayerRow> players,
        TotalsView totals,
        List<LedgerRow> ledger,
        boolean settled,
        List<Payment> payments,
        String settleNote,
        String addPlayerRequestId,
        String addPlayerError,
        String statusRequestId,
        String statusError,
        String defaultPaid,
        String otherPaid,
        String status,
        String paidProgress,
        String bankNote,
        String chatText,
        String missingChipsQuestion,
        boolean loopback,
        String refusedControl,
        Map<String, String> typed) {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public TablePage {
        players = List.copyOf(players);
        ledger = List.copyOf(ledger);
        payments = List.copyOf(payments);
        typed = Map.copyOf(typed);
    }

    /**
     * What was typed into {@code param} of the form at {@code control} when the server refused it, or "": a refused
     * form comes back with what was typed, with or without JavaScript.
     */
    public String typed(String control, String param) {
        return control.equals(refusedControl) ? typed.getOrDefault(param, "") : "";
    }

    /** Like {@link #typed(String, String)}, but {@code shown} when that form was not the one refused. */
    public String typedOr(String control, String param, String shown) {
        return control.equals(refusedControl) && typed.containsKey(param) ? typed.get(param) : shown;
    }

    /** Leaves out the manage token and the two paths that carry it, so a log line or a failed assertion cannot leak it. */
    @Override
    public String toString() {
        return "TablePage[id=" + id + ", version=" + version + ", name=" + name + ", closed=" + closed + ", manage="
                + manage + ", players=" + players.size() + ", ledger=" + ledger.size()
                + ", token, manageUrl and boardPath redacted]";
    }

    /** The share view: numbers and ledger, no token, no controls. */
    static TablePage viewOnly(TableId id, Table table, Links links) {
        // Only the manage page has forms; the view-only page shows none of their request ids.
        return of(id, table, links, Optional.empty(), RefusedForm.NONE, () -> "");
    }

    /** The manage view; a refusal is shown beside the control that caused it, with what was typed into its form. */
    static TablePage manage(TableId id, Table table, Links links, String token, RefusedForm refused) {
        return manage(id, table, links, token, refused, new FormRequestIds());
    }

    /** The manage view with its forms' request ids from {@code requestIds}. */
    static TablePage manage(
            TableId id, Table table, Links links, String token, RefusedForm refused, Supplier<String> requestIds) {
        return of(id, table, links, Optional.of(token), refused, requestIds);
    }

    private static TablePage of(
            TableId id,
            Table table,
            Links links,
            Optional<String> token,
            RefusedForm refused,
            Supplier<String> requestId) {
        TableTerms settings = table.settings();
        TableReport report = TableReport.of(table);
        Locale reader = links.reader();
        Function<Money, String> money = m -> MoneyText.of(m, reader);
        String errorControl = refused.field();
        String errorMessage = refused.message();
        Function<String, String> errorFor = control -> control.equals(errorControl) ? errorMessage : "";

        List<PlayerRow> players = report.players().stream()
                .map(b -> playerRow(b, table.closed(), errorFor, reader, requestId))
                .toList();
        List<LedgerRow> ledger = table.entries().stream()
                .sorted(Comparator.comparingInt(Entry::seq).reversed())
                .map(e -> ledgerRow(e, table, errorFor, money, requestId))
                .toList();
        List<Payment> payments = report.settlement().payments().stream()
                .map(p -> new Payment(
                        p.n(),
                        SettlementText.name(table, p.from()),
                        SettlementText.name(table, p.to()),
                        money.apply(p.amount()),
                        p.paid(),
                        PayLinks.forPayment(table, p),
                        requestId.get(),
                        errorFor.apply("payment:" + p.n())))
                .toList();
        Settlement settlement = report.settlement();
        Paid paid = settings.defaultPaid();
        Money bankPays = settlement.payments().stream()
                .filter(p -> p.from() instanceof Party.Bank)
                .map(bullion.core.Payment::amount)
                .reduce(Money.zero(settings.currency()), Money::plus);
        String bankNote = report.bank().cashIn().signum() == 0
                ? ""
                : "Cash box: " + money.apply(report.bank().cashIn())
                        + " taken in cash" + (settlement.complete() ? ", " + money.apply(bankPays) + " to pay out" : "")
                        + "; it holds " + money.apply(report.bank().cashHeld()) + " now.";
        long out = report.totals().chipsOnTable();
        String question = out == 0
                ? ""
                : out + " chip" + (out == 1 ? " is" : "s are") + " still out (worth "
                        + money.apply(table.moneyIn().minus(report.totals().moneyOut())) + "). What became of them?";

        boolean manage = token.isPresent();
        String tokenValue = token.orElse("");
        String view = Links.viewPath(id);
        return new TablePage(
                id.value(),
                table.version(),
                settings.name(),
                money.apply(settings.buyIn()),
                settings.chipsPerBuyIn(),
                MoneyText.chipValue(settings, reader),
                settings.currency().getCurrencyCode(),
                table.closed(),
                manage,
                tokenValue,
                links.viewUrl(),
                manage ? links.manageUrl(tokenValue) : "",
                manage ? view + "/qr.svg" : "",
                manage ? view + "/fragment?token=" + tokenValue : view + "/fragment",
                view + "/live",
                view,
                view + "/ledger.csv",
                players,
                TotalsView.of(report.totals(), money::apply),
                ledger,
                report.settlement().complete(),
                payments,
                settleNote(report, table),
                requestId.get(),
                errorFor.apply("add-player"),
                requestId.get(),
                errorFor.apply("status"),
                lower(paid),
                lower(paid == Paid.CASH ? Paid.CREDIT : Paid.CASH),
                lower(table.status()),
                table.closed() && !payments.isEmpty()
                        ? settlement.paidCount() + " of " + payments.size() + " paid"
                        : "",
                bankNote,
                SettlementText.of(table, reader),
                question,
                links.loopback(),
                errorControl,
                refused.typed());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static PlayerRow playerRow(
            PlayerBalance b,
            boolean closed,
            Function<String, String> errorFor,
            Locale reader,
            Supplier<String> requestId) {
        int id = b.player().id();
        Money net = b.net();
        // While they still have chips in front of them, their net is not known (chips change hands across the felt):
        // a red "−$40.00" beside a player holding a stack reads as a loss, so the row says what they are in for.
        boolean playing = !closed && !b.done() && b.chipsInFront() > 0;
        String netClass = playing ? "playing" : net.signum() > 0 ? "won" : net.signum() < 0 ? "lost" : "even";
        List<PlayerRow.Handle> handles = Arrays.stream(PayApp.values())
                .map(app -> new PlayerRow.Handle(
                        lower(app),
                        app.label(),
                        app.sign(),
                        b.player().payHandles().getOrDefault(app, ""),
                        app.maxLength()))
                .toList();
        String inFront = b.done() ? "done" : b.chipsBought() == 0 ? "\u2014" : String.valueOf(b.chipsInFront());
        return new PlayerRow(
                id,
                b.player().name(),
                b.buyIns(),
                b.chipsBought(),
                b.chipsCashedOut(),
                inFront,
                b.done(),
                MoneyText.of(b.paidIn(), reader),
                playing ? "in " + MoneyText.of(b.paidIn(), reader) : MoneyText.signed(net, reader),
                netClass,
                requestId.get(),
                requestId.get(),
                errorFor.apply("buy-in:" + id),
                errorFor.apply("cash-out:" + id),
                MoneyText.of(b.paidCash(), reader),
                b.adjustment().signum() == 0 ? "" : MoneyText.signed(b.adjustment(), reader),
                handles,
                requestId.get(),
                requestId.get(),
                errorFor.apply("edit:" + id));
    }

    private static LedgerRow ledgerRow(
            Entry e,
            Table table,
            Function<String, String> errorFor,
            Function<Money, String> money,
            Supplier<String> requestId) {
        TableTerms settings = table.settings();
        String what;
        String amount;
        if (e.kind() == Entry.Kind.BUY_IN) {
            what = (e.unit() == Entry.Unit.CHIPS
                            ? "Bought chips"
                            : e.quantity() == 1 ? "Bought in" : "Bought in \u00d7" + e.quantity())
                    + " ("
                    + e.chips(settings.chipsPerBuyIn()) + " chips) \u00b7 " + lower(e.paid());
            amount = e.paid(settings).map(money).orElse("");
        } else {
            what = "Cashed out " + e.quantity() + " chip" + (e.quantity() == 1 ? "" : "s");
            amount = "";
        }
        String reason = e.voiding().map(Entry.Voiding::reason).orElse("");
        return new LedgerRow(
                e.seq(),
                e.at().toString(),
                CLOCK.format(e.at()),
                name(table, e.playerId()),
                what,
                amount,
                e.voided(),
                reason,
                requestId.get(),
                errorFor.apply("void:" + e.seq()));
    }

    private static String settleNote(TableReport report, Table table) {
        if (!report.settlement().complete()) {
            long left = report.totals().chipsOnTable();
            return "Settle-up shows once every chip is cashed out; " + left + " chip" + (left == 1 ? " is" : "s are")
                    + " still on the table.";
        }
        if (report.settlement().discrepancy().isPresent()) {
            return report.settlement().discrepancy().get().message();
        }
        if (report.totals().chipsBought() == 0) {
            // Square, strictly; but at the start of a night "everyone is square" reads as if the night were over.
            return "Nothing to settle yet: nobody has bought in.";
        }
        return report.settlement().transfers().isEmpty() ? "Everyone is square: nobody pays anybody." : "";
    }

    private static String name(Table table, int playerId) {
        return table.player(playerId).map(Player::name).orElse("Player " + playerId);
    }
}

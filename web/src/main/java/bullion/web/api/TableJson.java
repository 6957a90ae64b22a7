package bullion.web.api;

import bullion.core.Entry;
import bullion.core.Event;
import bullion.core.Money;
import bullion.core.Party;
import bullion.core.PayApp;
import bullion.core.PayLinks;
import bullion.core.Payment;
import bullion.core.PlayerBalance;
import bullion.core.Settlement;
import bullion.core.Table;
import bullion.core.TableReport;
import bullion.core.TableTerms;
import bullion.engine.Outcome;
import bullion.web.TotalsView;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The API's view of a table, as records Jackson writes. Every number comes from {@link TableReport}; this
 * only renames and formats: money as decimal strings with the currency's minor digits, chips as integers.
 */
final class TableJson {

    record TableView(
            String id,
            String name,
            String currency,
            String buyIn,
            long chipsPerBuyIn,
            String defaultPaid,
            String status,
            List<PlayerView> players,
            TotalsView totals,
            BankView bank,
            SettlementView settlement,
            long version,
            String groupId) {}

    record PlayerView(
            int id,
            String name,
            long buyIns,
            long chipsBought,
            long chipsCashedOut,
            long chipsOut,
            String paidIn,
            String paidCash,
            String cashedOutValue,
            String net,
            Map<String, String> payHandles) {}

    /** The host's cash box: cash taken in with buy-ins, and what it holds after the payments marked so far. */
    record BankView(String cashIn, String cashHeld) {}

    /**
     * {@code discrepancy} and {@code adjustments} are left out unless the table was closed with chips never cashed
     * out.
     */
    record SettlementView(
            boolean complete,
            List<TransferView> transfers,
            DiscrepancyView discrepancy,
            List<AdjustmentView> adjustments) {}

    /** {@code from} and {@code to} are a player id or "bank". */
    record TransferView(
            int n, Object from, Object to, String amount, boolean paid, String paidAt, List<PayLinkView> payLinks) {}

    record PayLinkView(String app, String url) {}

    record AdjustmentView(int playerId, String amount) {}

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

    /**
     * A ledger line: {@code chips} always; for a buy-in also {@code paid} and {@code amount}, and {@code count} when
     * it was bought as standard buy-ins.
     */
    record EntryView(
            int seq,
            String at,
            String kind,
            int playerId,
            Long count,
            Long chips,
            String paid,
            String amount,
            boolean voided,
            String voidedAt,
            String reason) {}

    record LedgerView(String tableId, long version, List<EntryView> entries) {}

    /** The answer to closing or reopening: what happened and when, so a repeated request gets the same answer. */
    record StatusView(String tableId, String status, String at) {}

    private TableJson() {}

    static TableView table(String id, Table table) {
        return table(id, table, Optional.empty());
    }

    /** {@code groupId}: the group the table was opened in, left out for a table in none. */
    static TableView table(String id, Table table, Optional<String> groupId) {
        TableReport report = TableReport.of(table);
        Settlement settlement = report.settlement();
        List<AdjustmentView> adjustments = settlement.discrepancy().isEmpty()
                ? null
                : report.players().stream()
                        .filter(b -> b.adjustment().signum() != 0)
                        .map(b -> new AdjustmentView(b.player().id(), money(b.adjustment())))
                        .toList();
        return new TableView(
                id,
                table.settings().name(),
                table.settings().currency().getCurrencyCode(),
                money(table.settings().buyIn()),
                table.settings().chipsPerBuyIn(),
                lower(table.settings().defaultPaid()),
                lower(table.status()),
                report.players().stream().map(TableJson::player).toList(),
                TotalsView.of(report.totals(), TableJson::money),
                new BankView(money(report.bank().cashIn()), money(report.bank().cashHeld())),
                new SettlementView(
                        settlement.complete(),
                        settlement.payments().stream()
                                .map(p -> transfer(p, table))
                                .toList(),
                        settlement
                                .discrepancy()
                                .map(d -> new DiscrepancyView(d.missingChips(), money(d.value()), d.message()))
                                .orElse(null),
                        adjustments),
                table.version(),
                groupId.orElse(null));
    }

    /** A payment of the plan as the API shows it, with the links that pay its payee. */
    static TransferView transfer(Payment p, Table table) {
        return new TransferView(
                p.n(),
                party(p.from()),
                party(p.to()),
                money(p.amount()),
                p.paid(),
                p.paidAt().map(Instant::toString).orElse(null),
                PayLinks.forPayment(table, p).stream()
                        .map(l -> new PayLinkView(key(l.app()), l.url()))
                        .toList());
    }

    /** A player in the view, as a PATCH answers it too. */
    static PlayerView player(Table table, int playerId) {
        return player(TableReport.of(table).balanceOf(playerId).orElseThrow());
    }

    /** An app's name in JSON: "venmo", "paypal", "cashApp", "revolut", "monzo". */
    static String key(PayApp app) {
        return app == PayApp.CASH_APP ? "cashApp" : lower(app);
    }

    static CreatedTableView created(String id, Table table, String manageToken) {
        return created(id, table, manageToken, Optional.empty());
    }

    static CreatedTableView created(String id, Table table, String manageToken, Optional<String> groupId) {
        return new CreatedTableView(
                table(id, table, groupId), manageToken, viewUrl(id), "/t/" + id + "/manage?token=" + manageToken);
    }

    static String viewUrl(String id) {
        return "/t/" + id;
    }

    static LedgerView ledger(String id, Table table) {
        return new LedgerView(
                id,
                table.version(),
                table.entries().stream().map(e -> entry(e, table.settings())).toList());
    }

    static EntryView entry(Entry entry, TableTerms terms) {
        return view(entry, entry.amount(terms), entry.chips(terms.chipsPerBuyIn()));
    }

    /** The buy-in as the event that recorded it left it, not as it is now: a repeated request sees the same. */
    static EntryView boughtIn(Outcome.Done done) {
        Entry entry = done.events().stream()
                .<Entry>mapMulti((event, out) -> {
                    switch (event) {
                        case Event.BoughtIn b ->
                            out.accept(new Entry(
                                    b.seq(),
                                    b.at(),
                                    b.playerId(),
                                    Entry.Kind.BUY_IN,
                                    b.count(),
                                    Optional.empty(),
                                    Entry.Unit.BUY_INS,
                                    b.paid()));
                        case Event.BoughtChips c ->
                            out.accept(new Entry(
                                    c.seq(),
                                    c.at(),
                                    c.playerId(),
                                    Entry.Kind.BUY_IN,
                                    c.chips(),
                                    Optional.empty(),
                                    Entry.Unit.CHIPS,
                                    c.paid()));
                        default -> {}
                    }
                })
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no buy-in among " + done.events()));
        return entry(entry, done.table().settings());
    }

    static EntryView entry(Event.CashedOut event) {
        return view(
                new Entry(
                        event.seq(),
                        event.at(),
                        event.playerId(),
                        Entry.Kind.CASH_OUT,
                        event.chips(),
                        Optional.empty()),
                Optional.empty(),
                event.chips());
    }

    /** A voided entry: the ledger line never changes but for its voiding, which the event carries. */
    static EntryView voided(Entry original, Event.EntryVoided event, TableTerms terms) {
        return entry(
                new Entry(
                        original.seq(),
                        original.at(),
                        original.playerId(),
                        original.kind(),
                        original.quantity(),
                        Optional.of(new Entry.Voiding(event.at(), event.reason())),
                        original.unit(),
                        original.paid()),
                terms);
    }

    private static EntryView view(Entry entry, Optional<Money> amount, long chips) {
        boolean buyIn = entry.kind() == Entry.Kind.BUY_IN;
        boolean counted = buyIn && entry.unit() == Entry.Unit.BUY_INS;
        return new EntryView(
                entry.seq(),
                entry.at().toString(),
                buyIn ? "buy-in" : "cash-out",
                entry.playerId(),
                counted ? entry.quantity() : null,
                chips,
                buyIn ? lower(entry.paid()) : null,
                amount.map(TableJson::money).orElse(null),
                entry.voided(),
                entry.voiding().map(v -> v.at().toString()).orElse(null),
                entry.voiding().map(Entry.Voiding::reason).orElse(null));
    }

    static StatusView status(String id, boolean closed, Instant at) {
        return new StatusView(id, status(closed), at.toString());
    }

    private static String status(boolean closed) {
        return closed ? "closed" : "open";
    }

    private static PlayerView player(PlayerBalance b) {
        Map<String, String> handles = new TreeMap<>();
        b.player().payHandles().forEach((app, handle) -> handles.put(key(app), handle));
        return new PlayerView(
                b.player().id(),
                b.player().name(),
                b.buyIns(),
                b.chipsBought(),
                b.chipsCashedOut(),
                b.chipsOut(),
                money(b.paidIn()),
                money(b.paidCash()),
                money(b.cashedOutValue()),
                money(b.net()),
                handles);
    }

    private static Object party(Party party) {
        return party instanceof Party.Player p ? p.playerId() : "bank";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String money(Money money) {
        return money.toDecimalString();
    }
}

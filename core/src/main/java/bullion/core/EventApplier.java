package bullion.core;

import bullion.core.Event.BoughtChips;
import bullion.core.Event.BoughtIn;
import bullion.core.Event.CashedOut;
import bullion.core.Event.EntryVoided;
import bullion.core.Event.PayHandlesSet;
import bullion.core.Event.PaymentMarked;
import bullion.core.Event.PaymentUnmarked;
import bullion.core.Event.PlannedPayment;
import bullion.core.Event.PlayerJoined;
import bullion.core.Event.PlayerRenamed;
import bullion.core.Event.TableClosed;
import bullion.core.Event.TableOpened;
import bullion.core.Event.TableReopened;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * apply(table, event) → table: a pure fold with no rules in it (the decider already checked them), so that
 * replaying a journal rebuilds exactly the table that was acknowledged. The one computation is for a table
 * closed before plans were frozen in the event: its plan is worked out here, as it was shown then.
 */
public final class EventApplier {

    private EventApplier() {}

    public static Table apply(Optional<Table> table, Event event) {
        if (event instanceof TableOpened opened) {
            Currency currency = Currency.getInstance(opened.currencyCode());
            TableTerms settings = new TableTerms(
                    opened.name(),
                    currency,
                    new Money(opened.buyInMinor(), currency),
                    opened.chipsPerBuyIn(),
                    opened.defaultPaid());
            return new Table(settings, List.of(), List.of(), Optional.empty(), List.of(), 1);
        }
        Table t = table.orElseThrow(() -> new IllegalStateException(event + " before the table was opened"));
        return switch (event) {
            case TableOpened o -> throw new IllegalStateException("table opened twice");
            case PlayerJoined j -> withPlayers(t, append(t.players(), new Player(j.playerId(), j.name())));
            case PlayerRenamed r -> withPlayers(t, changed(t.players(), r.playerId(), p -> p.renamed(r.name())));
            case PayHandlesSet h -> withPlayers(t, changed(t.players(), h.playerId(), p -> p.withHandles(h.handles())));
            case BoughtIn b ->
                withEntries(
                        t,
                        t.ledger()
                                .appended(new Entry(
                                        b.seq(),
                                        b.at(),
                                        b.playerId(),
                                        Entry.Kind.BUY_IN,
                                        b.count(),
                                        Optional.empty(),
                                        Entry.Unit.BUY_INS,
                                        b.paid())));
            case BoughtChips b ->
                withEntries(
                        t,
                        t.ledger()
                                .appended(new Entry(
                                        b.seq(),
                                        b.at(),
                                        b.playerId(),
                                        Entry.Kind.BUY_IN,
                                        b.chips(),
                                        Optional.empty(),
                                        Entry.Unit.CHIPS,
                                        b.paid())));
            case CashedOut c ->
                withEntries(
                        t,
                        t.ledger()
                                .appended(new Entry(
                                        c.seq(),
                                        c.at(),
                                        c.playerId(),
                                        Entry.Kind.CASH_OUT,
                                        c.chips(),
                                        Optional.empty())));
            case EntryVoided v -> withEntries(t, voided(t.ledger(), v));
            case TableClosed c -> closed(t, c);
            case TableReopened r ->
                new Table(
                        t.settings(),
                        t.players(),
                        t.entries(),
                        Optional.empty(),
                        append(t.milestones(), new Milestone(r.at(), Milestone.Kind.REOPENED, Optional.empty())),
                        t.version() + 1);
            case PaymentMarked m -> marked(t, m.n(), m.at(), Optional.of(m.at()), Milestone.Kind.PAYMENT_MARKED);
            case PaymentUnmarked u -> marked(t, u.n(), u.at(), Optional.empty(), Milestone.Kind.PAYMENT_UNMARKED);
        };
    }

    /** Rebuilds a table from its whole history; empty if the history is empty. */
    public static Optional<Table> replay(List<? extends Event> events) {
        Optional<Table> table = Optional.empty();
        for (Event event : events) {
            table = Optional.of(apply(table, event));
        }
        return table;
    }

    /** The choice a close event records, read back: no player named means shared back. */
    static MissingChips missingChips(TableClosed closed) {
        return closed.missingChipsCashedOutBy()
                .<MissingChips>map(MissingChips.CashedOutBy::new)
                .orElseGet(MissingChips.SharedBack::new);
    }

    private static Table closed(Table t, TableClosed c) {
        MissingChips how = missingChips(c);
        Currency currency = t.settings().currency();
        List<Payment> payments = c.payments()
                .map(plan -> plan.stream()
                        .map(p -> new Payment(
                                p.n(), p.from(), p.to(), new Money(p.amountMinor(), currency), Optional.empty()))
                        .toList())
                .orElseGet(
                        () -> TableReport.of(t, Optional.of(how)).settlement().payments());
        return new Table(
                t.settings(),
                t.players(),
                t.entries(),
                Optional.of(new Closing(c.at(), how, payments)),
                append(t.milestones(), new Milestone(c.at(), Milestone.Kind.CLOSED, Optional.empty())),
                t.version() + 1);
    }

    private static Table marked(Table t, int n, Instant at, Optional<Instant> paidAt, Milestone.Kind kind) {
        Closing closing =
                t.closing().orElseThrow(() -> new IllegalStateException("payment " + n + " marked while open"));
        List<Payment> payments = closing.payments().stream()
                .map(p -> p.n() == n ? p.markedAt(paidAt) : p)
                .toList();
        return new Table(
                t.settings(),
                t.players(),
                t.entries(),
                Optional.of(new Closing(closing.at(), closing.missingChips(), payments)),
                append(t.milestones(), new Milestone(at, kind, Optional.of(n))),
                t.version() + 1);
    }

    /** The frozen plan as a close event stores it. */
    static List<PlannedPayment> planned(List<Payment> payments) {
        return payments.stream()
                .map(p -> new PlannedPayment(p.n(), p.from(), p.to(), p.amount().minor()))
                .toList();
    }

    private static Table withPlayers(Table t, List<Player> players) {
        return new Table(t.settings(), players, t.entries(), t.closing(), t.milestones(), t.version() + 1);
    }

    private static Table withEntries(Table t, List<Entry> entries) {
        return new Table(t.settings(), t.players(), entries, t.closing(), t.milestones(), t.version() + 1);
    }

    private static List<Player> changed(List<Player> players, int playerId, UnaryOperator<Player> change) {
        return players.stream()
                .map(p -> p.id() == playerId ? change.apply(p) : p)
                .toList();
    }

    private static Ledger voided(Ledger entries, EntryVoided v) {
        return entries.replaced(v.seq() - 1, entries.get(v.seq() - 1).voidedAt(v.at(), v.reason()));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(item);
        return copy;
    }
}

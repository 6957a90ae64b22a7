package bullion.core;

import bullion.core.Command.AddPlayer;
import bullion.core.Command.BuyIn;
import bullion.core.Command.CashOut;
import bullion.core.Command.CloseTable;
import bullion.core.Command.MarkPaid;
import bullion.core.Command.OpenTable;
import bullion.core.Command.RenamePlayer;
import bullion.core.Command.ReopenTable;
import bullion.core.Command.SetPayHandles;
import bullion.core.Command.UnmarkPaid;
import bullion.core.Command.VoidEntry;
import bullion.core.Decision.Accepted;
import bullion.core.Decision.Rejected;
import bullion.core.Event.BoughtChips;
import bullion.core.Event.BoughtIn;
import bullion.core.Event.CashedOut;
import bullion.core.Event.EntryVoided;
import bullion.core.Event.PayHandlesSet;
import bullion.core.Event.PaymentMarked;
import bullion.core.Event.PaymentUnmarked;
import bullion.core.Event.PlayerJoined;
import bullion.core.Event.PlayerRenamed;
import bullion.core.Event.TableClosed;
import bullion.core.Event.TableOpened;
import bullion.core.Event.TableReopened;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of a table: decide(table, command) is a pure function to the events that record it, or to a
 * rejection. It never throws for any input; a rejected command changes nothing because it yields no event.
 */
public final class CommandDecider {

    public static final String DEFAULT_CURRENCY = "USD";
    public static final int MAX_TABLE_NAME = 80;
    public static final int MAX_PLAYER_NAME = 40;
    public static final int MAX_REASON = 200;
    public static final long MAX_BUY_INS_AT_ONCE = 1_000;
    public static final long MAX_CHIPS_PER_BUY_IN = 1_000_000_000L;
    /** Keeps every sum of money far inside a long: 10^12 minor units is ten billion dollars. */
    public static final long MAX_BUY_IN_MINOR = 1_000_000_000_000L;
    /**
     * The most one table may take in, in minor units and in chips: far beyond any home game, and far enough inside
     * a long that every total and every exact product in {@link TableReport} stays exact.
     */
    public static final long MAX_TABLE_TOTAL = 1_000_000_000_000_000L;

    private CommandDecider() {}

    /**
     * Decides {@code command} against {@code table}, which is empty before the table is opened.
     * {@code now} stamps the ledger entries, so the function stays pure.
     */
    public static Decision decide(Optional<Table> table, Command command, Instant now) {
        if (command instanceof OpenTable open) {
            return table.isPresent() ? new Rejected(new Rejection.TableAlreadyOpen()) : open(open);
        }
        return table.map(t -> decideOn(t, command, now)).orElseGet(() -> new Rejected(new Rejection.TableNotOpen()));
    }

    /** Commands a closed table still takes: they change no number of the frozen settle-up. */
    private static boolean allowedWhenClosed(Command command) {
        return command instanceof ReopenTable
                || command instanceof MarkPaid
                || command instanceof UnmarkPaid
                || command instanceof RenamePlayer
                || command instanceof SetPayHandles;
    }

    private static Decision decideOn(Table table, Command command, Instant now) {
        if (table.closed() && !allowedWhenClosed(command)) {
            return new Rejected(
                    command instanceof CloseTable ? new Rejection.TableAlreadyClosed() : new Rejection.TableClosed());
        }
        return switch (command) {
            case OpenTable o -> new Rejected(new Rejection.TableAlreadyOpen());
            case AddPlayer a -> addPlayer(table, a);
            case RenamePlayer r
            when !table.hasPlayer(r.playerId()) -> new Rejected(new Rejection.UnknownPlayer(r.playerId()));
            case RenamePlayer r -> rename(table, r);
            case SetPayHandles h
            when !table.hasPlayer(h.playerId()) -> new Rejected(new Rejection.UnknownPlayer(h.playerId()));
            case SetPayHandles h -> setPayHandles(table, h);
            case BuyIn b when !table.hasPlayer(b.playerId()) -> new Rejected(new Rejection.UnknownPlayer(b.playerId()));
            case BuyIn b -> buyIn(table, b, now);
            case CashOut c
            when !table.hasPlayer(c.playerId()) -> new Rejected(new Rejection.UnknownPlayer(c.playerId()));
            case CashOut c when c.chips() < 0 -> new Rejected(new Rejection.NegativeCashOut(c.chips()));
            case CashOut c
            when c.chips() > table.chipsOnTable() ->
                new Rejected(new Rejection.NotEnoughChipsOnTable(c.chips(), table.chipsOnTable()));
            case CashOut c -> accept(new CashedOut(table.nextSeq(), now, c.playerId(), c.chips()));
            case VoidEntry v -> voidEntry(table, v, now);
            case CloseTable c -> close(table, c, now);
            case ReopenTable r when !table.closed() -> new Rejected(new Rejection.TableNotClosed());
            case ReopenTable r
            when table.closing().orElseThrow().marked() > 0 ->
                new Rejected(new Rejection.PaymentsMarkedPaid(
                        table.closing().orElseThrow().marked()));
            case ReopenTable r -> accept(new TableReopened(now));
            case MarkPaid m when !table.closed() -> new Rejected(new Rejection.PaymentsNotFrozen());
            case MarkPaid m when table.payment(m.n()).isEmpty() -> new Rejected(new Rejection.UnknownPayment(m.n()));
            case MarkPaid m
            when table.payment(m.n()).orElseThrow().paid() -> new Rejected(new Rejection.PaymentAlreadyMarked(m.n()));
            case MarkPaid m -> accept(new PaymentMarked(m.n(), now));
            case UnmarkPaid u when !table.closed() -> new Rejected(new Rejection.PaymentsNotFrozen());
            case UnmarkPaid u when table.payment(u.n()).isEmpty() -> new Rejected(new Rejection.UnknownPayment(u.n()));
            case UnmarkPaid u
            when !table.payment(u.n()).orElseThrow().paid() -> new Rejected(new Rejection.PaymentNotMarked(u.n()));
            case UnmarkPaid u -> accept(new PaymentUnmarked(u.n(), now));
        };
    }

    private static Decision buyIn(Table table, BuyIn buyIn, Instant now) {
        TableTerms settings = table.settings();
        Paid paid = buyIn.paid().orElse(settings.defaultPaid());
        return switch (buyIn.size()) {
            case BuyInSize.Count c
            when c.count() < 1 || c.count() > MAX_BUY_INS_AT_ONCE ->
                new Rejected(new Rejection.BuyInCountOutOfRange(c.count(), MAX_BUY_INS_AT_ONCE));
            case BuyInSize.Count c
            when exceedsTableLimit(table, c.count()) -> new Rejected(new Rejection.TableLimitReached(MAX_TABLE_TOTAL));
            case BuyInSize.Count c -> accept(new BoughtIn(table.nextSeq(), now, buyIn.playerId(), c.count(), paid));
            case BuyInSize.Chips c
            when c.chips() < 1 || c.chips() > maxChipsAtOnce(settings) ->
                new Rejected(new Rejection.ChipCountOutOfRange(c.chips(), maxChipsAtOnce(settings)));
            case BuyInSize.Chips c
            when settings.priceOfChips(c.chips()).isEmpty() -> {
                long step = settings.chipStep();
                long lower = c.chips() / step * step;
                yield new Rejected(new Rejection.ChipBuyInNotWholeMinorUnits(
                        c.chips(), settings.buyIn().toString(), settings.chipsPerBuyIn(), lower, lower + step));
            }
            case BuyInSize.Chips c
            when exceedsTableLimitInChips(table, c.chips()) ->
                new Rejected(new Rejection.TableLimitReached(MAX_TABLE_TOTAL));
            case BuyInSize.Chips c -> accept(new BoughtChips(table.nextSeq(), now, buyIn.playerId(), c.chips(), paid));
        };
    }

    /** As many chips at once as {@link #MAX_BUY_INS_AT_ONCE} standard buy-ins hold. */
    private static long maxChipsAtOnce(TableTerms settings) {
        return MAX_BUY_INS_AT_ONCE * settings.chipsPerBuyIn();
    }

    private static Decision close(Table table, CloseTable close, Instant now) {
        long out = table.chipsOnTable();
        if (out > 0 && close.missingChips().isEmpty()) {
            Money value = table.moneyIn().minus(TableReport.of(table).totals().moneyOut());
            return new Rejected(new Rejection.MissingChipsUnaccounted(out, value.toString()));
        }
        Optional<MissingChips> how = out > 0 ? close.missingChips() : Optional.empty();
        if (how.orElse(null) instanceof MissingChips.CashedOutBy by && !table.hasPlayer(by.playerId())) {
            return new Rejected(new Rejection.UnknownPlayer(by.playerId()));
        }
        List<Payment> plan = TableReport.of(table, Optional.of(how.orElseGet(MissingChips.SharedBack::new)))
                .settlement()
                .payments();
        Optional<Integer> cashedOutBy = how.flatMap(
                h -> h instanceof MissingChips.CashedOutBy by ? Optional.of(by.playerId()) : Optional.empty());
        return accept(new TableClosed(now, cashedOutBy, Optional.of(EventApplier.planned(plan))));
    }

    private static Decision rename(Table table, RenamePlayer rename) {
        Optional<String> problem = Names.problem(rename.name(), MAX_PLAYER_NAME);
        if (problem.isPresent()) {
            return new Rejected(new Rejection.InvalidPlayerName(problem.get()));
        }
        String name = Names.normalized(rename.name());
        Optional<Player> other = table.playerNamed(name).filter(p -> p.id() != rename.playerId());
        if (other.isPresent()) {
            return new Rejected(new Rejection.DuplicatePlayerName(other.get().name()));
        }
        // A form that saves a player's handles sends the name too: the name they already have records nothing.
        if (table.player(rename.playerId()).orElseThrow().name().equals(name)) {
            return new Accepted(List.of());
        }
        return accept(new PlayerRenamed(rename.playerId(), name));
    }

    private static Decision setPayHandles(Table table, SetPayHandles set) {
        PayHandles.Result checked = PayHandles.check(set.handles());
        boolean unchanged =
                table.player(set.playerId()).orElseThrow().payHandles().equals(checked.handles());
        return checked.problem()
                .<Decision>map(Rejected::new)
                .orElseGet(() -> unchanged
                        ? new Accepted(List.of())
                        : accept(new PayHandlesSet(set.playerId(), checked.handles())));
    }

    private static Decision open(OpenTable open) {
        Optional<String> nameProblem = Names.problem(open.name(), MAX_TABLE_NAME);
        if (nameProblem.isPresent()) {
            return new Rejected(new Rejection.InvalidTableName(nameProblem.get()));
        }
        Optional<Currency> currency = currency(open.currencyCode());
        if (currency.isEmpty()) {
            return new Rejected(new Rejection.UnknownCurrency(String.valueOf(open.currencyCode())));
        }
        BigDecimal price = open.buyIn();
        if (price == null || price.signum() <= 0) {
            return new Rejected(new Rejection.BuyInNotPositive(price == null ? "nothing" : price.toPlainString()));
        }
        int digits = currency.get().getDefaultFractionDigits();
        BigDecimal minor = price.movePointRight(digits);
        if (minor.stripTrailingZeros().scale() > 0) {
            return new Rejected(new Rejection.BuyInTooPrecise(
                    price.toPlainString(), currency.get().getCurrencyCode(), digits));
        }
        if (minor.compareTo(BigDecimal.valueOf(MAX_BUY_IN_MINOR)) > 0) {
            return new Rejected(new Rejection.BuyInTooLarge(
                    price.toPlainString(),
                    BigDecimal.valueOf(MAX_BUY_IN_MINOR, digits).toPlainString()));
        }
        if (open.chipsPerBuyIn() < 1 || open.chipsPerBuyIn() > MAX_CHIPS_PER_BUY_IN) {
            return new Rejected(new Rejection.ChipsPerBuyInOutOfRange(open.chipsPerBuyIn(), MAX_CHIPS_PER_BUY_IN));
        }
        return accept(new TableOpened(
                open.name().strip(),
                currency.get().getCurrencyCode(),
                minor.longValueExact(),
                open.chipsPerBuyIn(),
                open.defaultPaid().orElse(Paid.DEFAULT),
                open.groupId()));
    }

    private static Decision addPlayer(Table table, AddPlayer add) {
        Optional<String> problem = Names.problem(add.name(), MAX_PLAYER_NAME);
        if (problem.isPresent()) {
            return new Rejected(new Rejection.InvalidPlayerName(problem.get()));
        }
        String name = Names.normalized(add.name());
        if (table.hasPlayerNamed(name)) {
            return new Rejected(new Rejection.DuplicatePlayerName(name));
        }
        return accept(new PlayerJoined(table.nextPlayerId(), name));
    }

    private static Decision voidEntry(Table table, VoidEntry command, Instant now) {
        Optional<Entry> found = table.entry(command.seq());
        if (found.isEmpty()) {
            return new Rejected(new Rejection.UnknownEntry(command.seq()));
        }
        Entry entry = found.get();
        if (entry.voided()) {
            return new Rejected(new Rejection.EntryAlreadyVoided(entry.seq()));
        }
        String reason = command.reason().map(String::strip).orElse("");
        if (reason.length() > MAX_REASON) {
            return new Rejected(new Rejection.ReasonTooLong(reason.length(), MAX_REASON));
        }
        if (reason.codePoints().anyMatch(Character::isISOControl)) {
            return new Rejected(new Rejection.ReasonHasControlCharacters());
        }
        if (entry.kind() == Entry.Kind.BUY_IN) {
            // A voided cash buy-in hands its cash back: it stops counting, so it leaves the bank's cash in.
            long chips = entry.chips(table.settings().chipsPerBuyIn());
            if (chips > table.chipsOnTable()) {
                return new Rejected(new Rejection.VoidWouldLeaveTooFewChips(entry.seq(), chips, table.chipsOnTable()));
            }
        }
        return accept(new EntryVoided(entry.seq(), now, reason));
    }

    /** Whether {@code count} more buy-ins would take the table's money or chips past {@link #MAX_TABLE_TOTAL}. */
    private static boolean exceedsTableLimit(Table table, long count) {
        TableTerms settings = table.settings();
        // count <= MAX_BUY_INS_AT_ONCE, so neither product can overflow.
        return table.chipsBought() + count * settings.chipsPerBuyIn() > MAX_TABLE_TOTAL
                || table.moneyIn().minor() + count * settings.buyIn().minor() > MAX_TABLE_TOTAL;
    }

    /** Whether {@code chips} more chips would take the table's money or chips past {@link #MAX_TABLE_TOTAL}. */
    private static boolean exceedsTableLimitInChips(Table table, long chips) {
        TableTerms settings = table.settings();
        long moneyAfter = table.moneyIn().minor()
                + settings.priceOfChips(chips).orElseThrow().minor();
        return table.chipsBought() + chips > MAX_TABLE_TOTAL || moneyAfter > MAX_TABLE_TOTAL;
    }

    /** The table's currency: USD when none is given; codes are read trimmed and in any case ("eur"). */
    private static Optional<Currency> currency(String given) {
        String code = given == null || given.isBlank()
                ? DEFAULT_CURRENCY
                : given.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException notIso) {
            return Optional.empty();
        }
    }

    private static Decision accept(Event event) {
        return new Accepted(List.of(event));
    }
}

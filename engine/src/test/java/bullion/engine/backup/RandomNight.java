package bullion.engine.backup;

import bullion.core.BuyInSize;
import bullion.core.Command;
import bullion.core.MissingChips;
import bullion.core.Paid;
import bullion.core.PayApp;
import bullion.core.Table;
import bullion.engine.Outcome;
import bullion.engine.Tables;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A random night played through the facade, so every event is one the core decided: players join, buy in (counts and
 * chips, cash and credit), cash out, get voided, renamed and given pay handles; the table closes (both ways with chips
 * out), has payments marked and unmarked, and reopens. Refusals are part of the night too: they record nothing.
 */
final class RandomNight {

    private RandomNight() {}

    /** Opens a table and plays {@code steps} random commands on it; the table's open answer. */
    static Tables.Opened play(Tables tables, long seed, int steps) {
        Random random = new Random(seed);
        String currency = random.nextBoolean() ? "EUR" : "JPY";
        BigDecimal buyIn = currency.equals("JPY") ? BigDecimal.valueOf(2000) : new BigDecimal("20.00");
        Tables.Opened opened = await(tables.open(new Command.OpenTable(
                "Night " + seed,
                currency,
                buyIn,
                100,
                random.nextBoolean() ? Optional.of(Paid.CASH) : Optional.empty())));
        Table table = ((Outcome.Done) opened.outcome()).table();
        for (int step = 0; step < steps; step++) {
            Outcome outcome = await(tables.change(
                    opened.id(),
                    opened.manageToken(),
                    command(random, table),
                    random.nextInt(4) == 0 ? Optional.of("req-" + seed + "-" + step) : Optional.empty()));
            if (outcome instanceof Outcome.Done done) {
                table = done.table();
            }
        }
        return opened;
    }

    private static Command command(Random random, Table table) {
        int players = table.players().size();
        int player = players == 0 ? 1 : 1 + random.nextInt(players);
        Optional<Paid> paid = switch (random.nextInt(3)) {
            case 0 -> Optional.of(Paid.CASH);
            case 1 -> Optional.of(Paid.CREDIT);
            default -> Optional.empty();
        };
        return switch (random.nextInt(players < 2 ? 2 : 14)) {
            case 0 -> new Command.AddPlayer("Player " + (players + 1));
            case 1, 2, 3 -> new Command.BuyIn(player, new BuyInSize.Count(1 + random.nextInt(3)), paid);
            case 4 -> new Command.BuyIn(player, new BuyInSize.Chips(1 + random.nextInt(250)), paid);
            case 5, 6 -> new Command.CashOut(player, random.nextInt(400));
            case 7 ->
                new Command.VoidEntry(
                        1 + random.nextInt(Math.max(1, table.nextSeq())),
                        random.nextBoolean() ? Optional.of("typo") : Optional.empty());
            case 8 -> new Command.RenamePlayer(player, "Renamed " + random.nextInt(1000));
            case 9 -> new Command.SetPayHandles(player, Map.of(PayApp.VENMO, "handle" + random.nextInt(100_000)));
            case 10 ->
                new Command.CloseTable(
                        random.nextBoolean()
                                ? Optional.of(new MissingChips.SharedBack())
                                : Optional.of(new MissingChips.CashedOutBy(player)));
            case 11 -> new Command.MarkPaid(1 + random.nextInt(3));
            case 12 -> new Command.UnmarkPaid(1 + random.nextInt(3));
            default -> new Command.ReopenTable();
        };
    }

    /**
     * The answer, asking again (at most three times) while the facade says it was not recorded, which is safe: on a
     * loaded machine a first write to a cold database can miss its deadline. Changes carry a request id for this.
     */
    static <T> T retried(java.util.function.Supplier<java.util.concurrent.CompletionStage<T>> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get().toCompletableFuture().get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof bullion.engine.NotRecorded) || attempt == 3) {
                    throw new AssertionError("no answer", e);
                }
            } catch (Exception e) {
                throw new AssertionError("no answer in 20 s", e);
            }
        }
    }

    static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer in 20 s", e);
        }
    }
}

package bullion.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the core over random table nights, including nonsense commands. */
class LedgerProperties {

  /** A random table night: its settings and raw actions, interpreted against the table as it is then. */
  record Night(String currency, String price, long chipsPerBuyIn, List<int[]> actions) {}

  @Provide
  Arbitrary<Night> nights() {
    Arbitrary<String> currency = Arbitraries.of("USD", "JPY", "EUR", "BHD");
    Arbitrary<Integer> priceMinor = Arbitraries.integers().between(1, 50_000);
    Arbitrary<Long> chips = Arbitraries.longs().between(1, 1_000);
    Arbitrary<int[]> action = Combinators.combine(
        Arbitraries.integers().between(0, 9), Arbitraries.integers().between(-1, 8), Arbitraries.integers().between(-5, 2_000))
        .as((kind, who, amount) -> new int[] {kind, who, amount});
    return Combinators.combine(currency, priceMinor, chips, action.list().ofMaxSize(60))
        .as((c, p, cpb, actions) -> new Night(c, BigDecimal.valueOf(p, digits(c)).toPlainString(), cpb, actions));
  }

  private static int digits(String currency) {
    return java.util.Currency.getInstance(currency).getDefaultFractionDigits();
  }

  /** Plays a night, checking after every step that chips on the table never go below zero. */
  private static TableDriver play(Night night) {
    TableDriver t = TableDriver.open("Night", night.currency(), night.price(), night.chipsPerBuyIn());
    for (int[] a : night.actions()) {
      int players = t.table().players().size();
      int who = a[1] < 0 ? a[1] : (players == 0 ? 1 : a[1] % players + 1);
      Command command = switch (a[0]) {
        case 0 -> new Command.AddPlayer("P" + a[2]);
        case 1, 2, 3 -> new Command.BuyIn(who, Math.floorMod(a[2], 4) + (a[2] < 0 ? -1 : 1));
        case 4, 5, 6 -> new Command.CashOut(who, Math.min(a[2], t.table().chipsOnTable() + 3));
        case 7 -> new Command.VoidEntry(a[2] % (t.table().entries().size() + 2), Optional.of("r" + a[2]));
        case 8 -> new Command.CloseTable();
        default -> new Command.ReopenTable();
      };
      t.decide(command);
      assertThat(t.table().chipsOnTable()).isNotNegative();
    }
    return t;
  }

  /** Cashes out every chip still on the table so the night can be settled. */
  private static TableDriver finish(TableDriver t) {
    if (t.table().closed()) {
      t.accept(new Command.ReopenTable());
    }
    if (t.table().chipsOnTable() > 0) {
      int first = t.table().players().getFirst().id();
      t.accept(new Command.CashOut(first, t.table().chipsOnTable()));
    }
    return t;
  }

  @Property
  void replayingTheEventsRebuildsTheTable(@ForAll("nights") Night night) {
    TableDriver t = play(night);
    assertThat(EventApplier.replay(t.history())).contains(t.table());
  }

  @Property
  void netsAlwaysSumToTheTableTotalAndStayWithinOneMinorUnitOfExact(@ForAll("nights") Night night) {
    TableDriver t = play(night);
    TableReport r = t.report();
    long sum = r.players().stream().mapToLong(b -> b.net().minor()).sum();
    assertThat(sum).isEqualTo(r.totals().moneyOut().minor() - r.totals().moneyIn().minor());
    TableTerms s = t.table().settings();
    for (PlayerBalance b : r.players()) {
      BigInteger exactTimesChips = BigInteger.valueOf(b.chipsCashedOut() - b.chipsBought())
          .multiply(BigInteger.valueOf(s.buyIn().minor()));
      BigInteger roundedTimesChips = BigInteger.valueOf(b.net().minor()).multiply(BigInteger.valueOf(s.chipsPerBuyIn()));
      assertThat(roundedTimesChips.subtract(exactTimesChips).abs()).isLessThan(BigInteger.valueOf(s.chipsPerBuyIn()));
      assertThat(b.cashedOutValue().minor()).isNotNegative();
    }
  }

  @Property
  void settleUpSquaresEveryPlayerWithFewerPaymentsThanPlayers(@ForAll("nights") Night night) {
    TableDriver t = play(night);
    if (t.table().players().isEmpty()) {
      return;
    }
    TableReport r = finish(t).report();
    assertThat(r.totals().chipsOnTable()).isZero();
    Settlement s = r.settlement();
    assertThat(s.complete()).isTrue();
    Map<Integer, Long> owed = new HashMap<>();
    r.players().forEach(b -> owed.put(b.player().id(), b.net().minor()));
    for (Transfer transfer : s.transfers()) {
      assertThat(transfer.amount().minor()).isPositive();
      owed.merge(transfer.fromPlayerId(), transfer.amount().minor(), Long::sum);
      owed.merge(transfer.toPlayerId(), -transfer.amount().minor(), Long::sum);
    }
    assertThat(owed.values()).allMatch(v -> v == 0);
    assertThat(s.transfers().size()).isLessThanOrEqualTo(Math.max(0, r.players().size() - 1));
  }

  @Property
  void aClosedTableWithChipsMissingStillSettlesEveryoneExactly(@ForAll("nights") Night night) {
    TableDriver t = play(night);
    if (t.table().closed()) {
      t.accept(new Command.ReopenTable());
    }
    if (t.table().players().isEmpty() || t.table().chipsOnTable() == 0) {
      return;
    }
    t.accept(new Command.CloseTable());
    Settlement s = t.report().settlement();
    assertThat(s.complete()).isTrue();
    assertThat(s.discrepancy().orElseThrow().missingChips()).isEqualTo(t.table().chipsOnTable());
    long moved = s.transfers().stream().mapToLong(tr -> tr.amount().minor()).sum();
    assertThat(moved).isNotNegative();
  }

  @Provide
  Arbitrary<long[]> smallZeroSumNets() {
    return Arbitraries.longs().between(-50, 50).array(long[].class).ofMinSize(1).ofMaxSize(7).map(values -> {
      long[] nets = java.util.Arrays.copyOf(values, values.length + 1);
      nets[values.length] = -java.util.Arrays.stream(values).sum();
      return nets;
    });
  }

  @Property
  void settleUpUsesTheFewestPossiblePayments(@ForAll("smallZeroSumNets") long[] minors) {
    List<SettleUp.Net> nets = new ArrayList<>();
    List<Long> nonZero = new ArrayList<>();
    for (int i = 0; i < minors.length; i++) {
      nets.add(new SettleUp.Net(i + 1, minors[i]));
      if (minors[i] != 0) {
        nonZero.add(minors[i]);
      }
    }
    int fewest = nonZero.size() - mostZeroSumGroups(nonZero);
    assertThat(SettleUp.transfers(nets, SettleUpTest.USD)).hasSize(fewest);
  }

  /** Brute force, independent of the DP: try every zero-sum group holding the first value. */
  private static int mostZeroSumGroups(List<Long> values) {
    if (values.isEmpty()) {
      return 0;
    }
    int rest = values.size() - 1;
    int best = 0;
    for (int pick = 0; pick < (1 << rest); pick++) {
      long sum = values.get(0);
      List<Long> others = new ArrayList<>();
      for (int i = 0; i < rest; i++) {
        if ((pick & (1 << i)) != 0) {
          sum += values.get(i + 1);
        } else {
          others.add(values.get(i + 1));
        }
      }
      if (sum == 0) {
        best = Math.max(best, 1 + mostZeroSumGroups(others));
      }
    }
    return best;
  }

  @Provide
  Arbitrary<List<Command>> anyCommands() {
    return anyCommand().list().ofMaxSize(20);
  }

  private Arbitrary<Command> anyCommand() {
    Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(100), Arbitraries.just(null));
    Arbitrary<Long> number = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-3, 300));
    Arbitrary<Integer> id = Arbitraries.integers().between(-2, 5);
    Arbitrary<BigDecimal> price = Arbitraries.oneOf(Arbitraries.bigDecimals(), Arbitraries.just(null));
    return Arbitraries.oneOf(
        Combinators.combine(text, text, price, number).as(Command.OpenTable::new),
        text.map(Command.AddPlayer::new),
        Combinators.combine(id, number).as(Command.BuyIn::new),
        Combinators.combine(id, number).as(Command.CashOut::new),
        Combinators.combine(id, text).as((s, r) -> new Command.VoidEntry(s, Optional.ofNullable(r))),
        Arbitraries.just(new Command.CloseTable()),
        Arbitraries.just(new Command.ReopenTable()));
  }

  @Property
  void decideNeverThrowsAndARejectionChangesNothing(@ForAll("nights") Night night,
      @ForAll("anyCommands") List<Command> commands) {
    TableDriver t = play(night);
    for (Command command : commands) {
      Table before = t.table();
      Decision decision = t.decide(command);
      if (decision instanceof Decision.Rejected rejected) {
        assertThat(t.table()).isSameAs(before);
        assertThat(rejected.why().message()).isNotBlank();
      }
    }
    assertThat(CommandDecider.decide(Optional.empty(), new Command.BuyIn(1, 1), TableDriver.NOON))
        .isInstanceOf(Decision.Rejected.class);
  }
}

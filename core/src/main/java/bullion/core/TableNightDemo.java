package bullion.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A console demo of the core alone: plays one table night and prints balances and the settle-up.
 * It is the library's smoke test for a person; the web app is how Bullion is really run.
 */
public final class TableNightDemo {

  private TableNightDemo() {}

  public static void main(String[] args) {
    Optional<Table> table = Optional.empty();
    Command[] night = {
        new Command.OpenTable("Friday night", "USD", new BigDecimal("20.00"), 100),
        new Command.AddPlayer("Ari"), new Command.AddPlayer("Bea"), new Command.AddPlayer("Cal"),
        new Command.BuyIn(1, 1), new Command.BuyIn(2, 1), new Command.BuyIn(3, 1), new Command.BuyIn(3, 1),
        new Command.CashOut(1, 0), new Command.CashOut(3, 999), new Command.CashOut(2, 162),
        new Command.CashOut(3, 238), new Command.CashOut(1, 0),
    };
    for (Command command : night) {
      Decision decision = CommandDecider.decide(table, command, Instant.now());
      switch (decision) {
        case Decision.Accepted accepted -> {
          for (Event event : accepted.events()) {
            table = Optional.of(EventApplier.apply(table, event));
          }
        }
        case Decision.Rejected rejected -> System.out.println("refused: " + rejected.why().message());
      }
    }
    Table t = table.orElseThrow();
    TableReport report = TableReport.of(t);
    System.out.printf("%s: %s buys %d chips%n", t.settings().name(), t.settings().buyIn(), t.settings().chipsPerBuyIn());
    for (PlayerBalance b : report.players()) {
      System.out.printf("  %-4s paid %8s, cashed out %8s, net %8s%n", b.player().name(),
          b.paidIn().toDecimalString(), b.cashedOutValue().toDecimalString(), b.net().toDecimalString());
    }
    for (Transfer transfer : report.settlement().transfers()) {
      System.out.printf("  %s pays %s %s%n", t.player(transfer.fromPlayerId()).orElseThrow().name(),
          t.player(transfer.toPlayerId()).orElseThrow().name(), transfer.amount());
    }
  }
}

package bullion.engine;

import bullion.core.Command;
import bullion.core.Event;
import bullion.engine.persistence.DatabaseSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs in a child JVM for {@link DurabilityTest}: opens a table on an H2 file and records buy-ins one after
 * another, printing "ACK seq" only once the facade has acknowledged each, until it is killed. Bounded, in
 * case nobody kills it.
 */
public final class DurabilityProbe {

  static final int MAX_BUY_INS = 5_000;

  private DurabilityProbe() {}

  public static void main(String[] args) {
    TableSystem system = TableSystem.start(EngineSettings.singleNode(DatabaseSettings.h2File(Path.of(args[0]))));
    Tables tables = system.tables();
    Tables.Opened opened = Await.result(tables.open(new Command.OpenTable("Durable", "USD", BigDecimal.TEN, 10)));
    Await.done(tables.addPlayer(opened.id(), opened.manageToken(), "Ari", Optional.empty()));
    System.out.println("TABLE " + opened.id() + " " + opened.manageToken());
    for (int i = 0; i < MAX_BUY_INS; i++) {
      Outcome.Done done = Await.done(tables.buyIn(opened.id(), opened.manageToken(), 1, 1, Optional.empty()));
      System.out.println("ACK " + ((Event.BoughtIn) done.events().getFirst()).seq());
      System.out.flush();
    }
    system.close();
  }
}

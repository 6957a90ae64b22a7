package bullion.engine;

import bullion.core.Command;
import bullion.core.Event;
import bullion.engine.persistence.DatabaseSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs in a child JVM for {@link DurabilityTest}: opens a table on the given journal and records buy-ins one after
 * another, printing "ACK seq" only once the facade has acknowledged each, until it is killed. Bounded, in
 * case nobody kills it.
 */
public final class DurabilityProbe {

    static final int MAX_BUY_INS = 5_000;

    private DurabilityProbe() {}

    /** {@code <EmbeddedFile name> <data dir>} or {@code postgres <jdbc url> <user>}. */
    public static void main(String[] args) {
        DatabaseSettings database = args[0].equals("postgres")
                ? DatabaseSettings.postgres(args[1], args[2], "")
                : EmbeddedFile.valueOf(args[0]).in(Path.of(args[1]));
        TableSystem system = TableSystem.start(EngineSettings.singleNode(database));
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

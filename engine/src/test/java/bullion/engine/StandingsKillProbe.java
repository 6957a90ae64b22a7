package bullion.engine;

import bullion.engine.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of {@link StandingsKillTest}: starts the engine on an H2 file, starts a group, prints
 * {@code GROUP <id>}, then plays closed nights as fast as it can, printing {@code NIGHT <n>} after each close is
 * acknowledged, until it is killed.
 */
public final class StandingsKillProbe {

    private StandingsKillProbe() {}

    public static void main(String[] args) {
        TableSystem system = TableSystem.start(EngineSettings.singleNode(DatabaseSettings.h2File(Path.of(args[0]))));
        GroupNights nights = new GroupNights(system);
        Groups.Created group = nights.group("Killed crew");
        System.out.println("GROUP " + group.id().value());
        System.out.flush();
        for (int n = 1; n <= 200; n++) {
            nights.closedNight(
                    group,
                    "Night " + n,
                    List.of(
                            new GroupNights.Seat("Ann", 1 + n % 3, 5 + n % 7),
                            new GroupNights.Seat("Bob", 1, (2 + n % 3) * 10L - 5 - n % 7)));
            System.out.println("NIGHT " + n);
            System.out.flush();
        }
    }
}

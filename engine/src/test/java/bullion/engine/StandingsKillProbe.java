package bullion.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of {@link StandingsKillTest}: starts the engine on an embedded file ({@code <EmbeddedFile name> <data dir>}), starts a group, prints
 * {@code GROUP <id>}, then plays closed nights as fast as it can, printing {@code NIGHT <n>} after each close is
 * acknowledged, until it is killed.
 */
public final class StandingsKillProbe {

    private StandingsKillProbe() {}

    public static void main(String[] args) {
        try {
            playUntilKilled(args);
        } catch (RuntimeException | AssertionError e) {
            // Ends the JVM (the actor system's threads would keep it alive), so the test sees the end of its output.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void playUntilKilled(String[] args) {
        TableSystem system = TableSystem.start(
                EngineSettings.singleNode(EmbeddedFile.valueOf(args[0]).in(Path.of(args[1]))));
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

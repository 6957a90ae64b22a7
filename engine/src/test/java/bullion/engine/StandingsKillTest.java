package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.persistence.DatabaseSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 while the standings are being projected: a child JVM plays closed nights of a group as fast as it can and
 * is killed (SIGKILL: no shutdown, no flush) right after a close is acknowledged, while the projection is still
 * behind. Restarted on the same file, the read side catches up to exactly the fold over the journal: the offset and
 * its effect were committed together, so no night is lost or counted twice.
 */
class StandingsKillTest {

    private static final int NIGHTS_BEFORE_KILL = 8;

    @TempDir
    Path dataDir;

    @Test
    void killDashNineWhileProjectingThenRestartGivesTheFoldsStandings() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        StandingsKillProbe.class.getName(),
                        dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String group;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            CompletableFuture<String> reading = CompletableFuture.supplyAsync(() -> {
                try {
                    String id = null;
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("GROUP ")) {
                            id = line.substring(6);
                        } else if (line.equals("NIGHT " + NIGHTS_BEFORE_KILL)) {
                            child.destroyForcibly();
                            return id;
                        }
                    }
                    return id;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            group = reading.get(180, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(group).as("the child started a group").isNotNull();

        try (TableSystem restarted = TableSystem.start(EngineSettings.singleNode(DatabaseSettings.h2File(dataDir)))) {
            GroupId id = new GroupId(group);
            assertThat(JournalFold.millisUntilProjected(restarted, id, 30_000)).isNotNegative();
            var projected = JournalFold.projected(restarted, id);
            assertThat(projected).isEqualTo(JournalFold.standings(restarted, id));
            assertThat(projected.nights().size()).isGreaterThanOrEqualTo(NIGHTS_BEFORE_KILL);
            System.out.printf(
                    "kill -9 after %d acknowledged closes: %d nights in the standings after the restart%n",
                    NIGHTS_BEFORE_KILL, projected.nights().size());
            assertThat(List.copyOf(projected.nights()).stream()
                            .map(n -> n.tableId())
                            .distinct()
                            .count())
                    .isEqualTo(projected.nights().size());
        }
    }
}

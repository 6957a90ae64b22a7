package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 while the standings are being projected: a child JVM plays closed nights of a group as fast as it can and
 * is killed (SIGKILL: no shutdown, no flush) right after a close is acknowledged, while the projection is still
 * behind. Restarted on the same file (H2's or SQLite's), the read side catches up to exactly the fold over the journal: the offset and
 * its effect were committed together, so no night is lost or counted twice.
 */
class StandingsKillTest {

    private static final int NIGHTS_BEFORE_KILL = 8;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void killDashNineWhileProjectingThenRestartGivesTheFoldsStandings(EmbeddedFile file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        StandingsKillProbe.class.getName(),
                        file.name(),
                        dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String group;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            try {
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
                        throw new IllegalStateException("the child ended before night " + NIGHTS_BEFORE_KILL);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                group = reading.get(180, TimeUnit.SECONDS);
            } finally {
                // The child ends before the reader closes: closing waits for the reading thread's readLine, which
                // would block for good on a child that is still alive but silent.
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
        }
        assertThat(group).as("the child started a group").isNotNull();

        try (TableSystem restarted = TableSystem.start(EngineSettings.singleNode(file.in(dataDir)))) {
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

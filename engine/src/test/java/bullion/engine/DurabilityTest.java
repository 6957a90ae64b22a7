package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.persistence.DatabaseSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nothing acknowledged is ever lost: a child JVM records buy-ins and is killed with SIGKILL mid-stream; every
 * buy-in it acknowledged must be in the journal afterwards, on each embedded file (which H2's default WRITE_DELAY
 * would break) and on PostgreSQL.
 */
class DurabilityTest {

    private static final int ACKS_BEFORE_KILL = 150;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void everyAcknowledgedBuyInSurvivesKillDashNineOnAnEmbeddedFile(EmbeddedFile file) throws Exception {
        killMidStreamAndCount(file.in(dataDir), List.of(file.name(), dataDir.toString()));
    }

    @Test
    void everyAcknowledgedBuyInSurvivesKillDashNineOnPostgres() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create("bullion_durability")) {
            DatabaseSettings settings = database.settings();
            killMidStreamAndCount(settings, List.of("postgres", settings.url(), settings.user()));
        }
    }

    private void killMidStreamAndCount(DatabaseSettings database, List<String> probeArgs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), DurabilityProbe.class.getName()));
        command.addAll(probeArgs);
        Process child = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String table;
        String token;
        List<Integer> acked = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            try {
                CompletableFuture<String> reading = CompletableFuture.supplyAsync(() -> {
                    try {
                        String header = null;
                        for (String line = out.readLine(); line != null; line = out.readLine()) {
                            if (line.startsWith("TABLE ")) {
                                header = line;
                            } else if (line.startsWith("ACK ")) {
                                acked.add(Integer.parseInt(line.substring(4)));
                                if (acked.size() == ACKS_BEFORE_KILL) {
                                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                                    return header;
                                }
                            }
                        }
                        return header;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                String header = reading.get(120, TimeUnit.SECONDS);
                assertThat(header).as("the child opened a table").isNotNull();
                table = header.split(" ")[1];
                token = header.split(" ")[2];
            } finally {
                // The child ends before the reader closes: closing waits for the reading thread's readLine, which
                // would block for good on a child that is still alive but silent.
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
        }
        assertThat(acked).hasSize(ACKS_BEFORE_KILL);

        try (TableSystem restarted = TableSystem.start(EngineSettings.singleNode(database))) {
            Outcome.Done view = Await.done(restarted.tables().view(new TableId(table), Optional.of(token)));
            List<Integer> journaled =
                    view.table().entries().stream().map(e -> e.seq()).toList();
            assertThat(journaled).containsAll(acked);
            assertThat(view.canManage()).isTrue();
        }
    }
}

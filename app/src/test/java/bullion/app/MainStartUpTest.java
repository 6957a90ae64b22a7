package bullion.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bullion that cannot start says why in one line, and exits; told to wait for its database, it waits first. */
class MainStartUpTest {

    @TempDir
    Path dataDir;

    @Test
    void anUnreachableDatabaseStopsStartUpWithOneSentenceNamingIt() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/bullion";
        List<String> output = run(Map.of("BULLION_DB_URL", url, "BULLION_DB_USER", "bullion"));
        assertThat(output)
                .filteredOn(line -> line.contains("ERROR"))
                .singleElement()
                .asString()
                .contains("Bullion did not start: the database at " + url
                        + " could not be used: Connection to 127.0.0.1:")
                .contains("refused");
        assertThat(output).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
    }

    @Test
    void toldToWaitStartUpRetriesTheDatabaseBeforeGivingUp() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/bullion";
        List<String> output = run(Map.of("BULLION_DB_URL", url, "BULLION_DB_WAIT_SECONDS", "3"));
        assertThat(output)
                .filteredOn(line -> line.contains("Waiting for the database at " + url))
                .isNotEmpty();
        assertThat(output)
                .filteredOn(line -> line.contains("ERROR"))
                .singleElement()
                .asString()
                .contains("Bullion did not start: the database at " + url + " could not be used within 3 s");
    }

    @Test
    void aBadSettingStopsStartUpWithOneSentenceNamingTheVariable() throws Exception {
        List<String> output = run(Map.of("BULLION_HTTP_PORT", "eighty"));
        assertThat(output)
                .filteredOn(line -> line.contains("ERROR"))
                .singleElement()
                .asString()
                .contains("Bullion did not start: BULLION_HTTP_PORT must be a whole number, not \"eighty\"");
        assertThat(output).noneMatch(line -> line.startsWith("\tat "));
    }

    /** Runs the real Main in its own JVM, expects it to exit with status 1, and returns what it printed. */
    private List<String> run(Map<String, String> env) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("BULLION_DATA_DIR", dataDir.toString());
        builder.environment().put("BULLION_HTTP_PORT", "0");
        builder.environment().putAll(env);
        Process bullion = builder.start();
        byte[] printed = bullion.getInputStream().readAllBytes();
        assertThat(bullion.waitFor(60, TimeUnit.SECONDS)).as("Bullion exits").isTrue();
        List<String> lines = new String(printed, StandardCharsets.UTF_8).lines().toList();
        assertThat(bullion.exitValue()).as("exit status; it printed %s", lines).isEqualTo(1);
        return lines;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

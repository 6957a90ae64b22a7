package bullion.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bullion.engine.persistence.DatabaseSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, on a free port in a temporary directory, that the test may stop and start
 * (the shared server on 5432 is never touched). Run as root, the server runs as the {@code postgres} user, which
 * initdb insists on. Without the binaries the test is skipped on a developer's machine but fails on CI.
 */
final class ThrowawayPostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getProperty("bullion.pg.bin", "/usr/lib/postgresql/15/bin"));

    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private ThrowawayPostgres(Path dir, int port, boolean asPostgresUser) {
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    static ThrowawayPostgres start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL binaries must be at " + BIN + " on CI");
            }
            assumeTrue(false, "no PostgreSQL binaries at " + BIN);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("bullion-pg");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ThrowawayPostgres pg = new ThrowawayPostgres(dir, port, root);
        if (root) {
            pg.run("chown", "-R", "postgres", dir.toString());
        }
        pg.runAsServer(
                BIN.resolve("initdb").toString(),
                "-D",
                pg.data(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "--no-sync",
                "-E",
                "UTF8");
        pg.startServer();
        return pg;
    }

    DatabaseSettings settings() {
        return DatabaseSettings.postgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    /** Starts the server and waits until it accepts connections. */
    void startServer() throws IOException, InterruptedException {
        runAsServer(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                data(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
    }

    /** Stops the server the hard way, as a crash would: connections are cut mid-statement. */
    void stopServer() throws IOException, InterruptedException {
        runAsServer(BIN.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop");
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void runAsServer(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asPostgresUser) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        run(line.toArray(String[]::new));
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("commands.log").toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    String.join(" ", command) + " failed: " + Files.readString(dir.resolve("commands.log")));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            runAsServer(BIN.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // Stopped by the test.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}

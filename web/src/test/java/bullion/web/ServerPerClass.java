package bullion.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The one server fixture: a real server per test class, on an H2 file (the embedded default) and a random port. */
public abstract class ServerPerClass {

    @TempDir
    protected static Path dataDir;

    protected static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}

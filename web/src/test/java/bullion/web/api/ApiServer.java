package bullion.web.api;

import bullion.web.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One real server per test class, on an H2 file (the embedded default) and a random port. */
abstract class ApiServer {

  @TempDir
  static Path dataDir;
  static TestServer server;
  static ApiClient api;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    api = new ApiClient(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }
}

package bullion.app;

import bullion.engine.TableSystem;
import bullion.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Bullion: the table servers, then the web server; on SIGTERM stops them in the reverse order. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    Environment environment = Environment.from(System.getenv());
    LOG.info("Journal: {}", environment.engine().database().kind());
    TableSystem tableSystem = TableSystem.start(environment.engine());
    WebServer web;
    try {
      web = WebServer.start(tableSystem.tables(), environment.web());
    } catch (RuntimeException e) {
      tableSystem.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // The web server first, so in-flight requests finish while their tables are still running.
      web.close();
      tableSystem.close();
    }, "bullion-shutdown"));
    System.out.println("Bullion is running: open http://" + environment.web().host() + ":" + web.port() + "/");
  }
}

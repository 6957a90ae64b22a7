package bullion.app;

import bullion.engine.TableSystem;
import bullion.engine.persistence.JournalSchema;
import bullion.web.WebServer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Bullion: the table servers, then the web server; on SIGTERM stops them in the reverse order. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        try {
            start();
        } catch (RuntimeException e) {
            // One sentence naming the setting or the database; the whole story only for those who ask for it.
            LOG.error("Bullion did not start: {}", sentence(e));
            LOG.debug("Why Bullion did not start", e);
            System.exit(1);
        }
    }

    private static void start() {
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
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping.set(true);
                            // The web server first, so in-flight requests finish while their tables are still running.
                            web.close();
                            tableSystem.close();
                        },
                        "bullion-shutdown"));
        tableSystem.whenStopped().thenRun(() -> {
            if (!stopping.get()) {
                // Downed by the other nodes: this process can serve no table again, so it ends and its supervisor
                // (compose's restart policy, systemd) starts it afresh as a new member.
                LOG.error("This node was removed from the cluster; Bullion stops so that it can be restarted");
                new Thread(() -> System.exit(2), "bullion-exit").start();
            }
        });
        System.out.println(
                "Bullion is running: open http://" + environment.web().host() + ":" + web.port() + "/");
    }

    /**
     * Our own refusals (a bad variable, an unusable database) already are a sentence; anything else is said by its
     * innermost cause, which names what failed (a port in use, a file that cannot be opened).
     */
    private static String sentence(RuntimeException e) {
        Throwable said = e;
        if (!(e instanceof IllegalArgumentException || e instanceof JournalSchema.DatabaseUnavailable)) {
            while (said.getCause() != null && said.getCause() != said) {
                said = said.getCause();
            }
        }
        String message = said.getMessage() == null ? said.getClass().getSimpleName() : said.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}

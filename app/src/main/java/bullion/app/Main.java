package bullion.app;

import bullion.engine.RemovedFromCluster;
import bullion.engine.TableSystem;
import bullion.engine.backup.Backups;
import bullion.engine.backup.RetentionSweep;
import bullion.engine.persistence.JournalSchema;
import bullion.web.Services;
import bullion.web.WebServer;
import bullion.web.ops.Monitoring;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Bullion: the table servers, then the web server; on SIGTERM stops them in the reverse order. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    /** The exit status of a node the others removed from the cluster (docs/deploy.md): restart it. */
    static final int REMOVED_FROM_CLUSTER = 2;

    private Main() {}

    public static void main(String[] args) {
        if (Commands.asked(args)) {
            exitWith(() -> Commands.run(args, System.getenv(), System.out, System.err));
            return;
        }
        try {
            start();
        } catch (RemovedFromCluster e) {
            // As for a node downed once running (below): the supervisor starts it again as a new member.
            LOG.error("Bullion did not start: {}; it stops so that it can be restarted", e.getMessage());
            System.exit(REMOVED_FROM_CLUSTER);
        } catch (RuntimeException e) {
            // One sentence naming the setting or the database; the whole story only for those who ask for it.
            LOG.error("Bullion did not start: {}", sentence(e));
            LOG.debug("Why Bullion did not start", e);
            System.exit(1);
        }
    }

    /** A command-line mode: its exit status, or 1 with one sentence if it could not run (as start-up says). */
    private static void exitWith(java.util.function.IntSupplier command) {
        int status;
        try {
            status = command.getAsInt();
        } catch (RuntimeException e) {
            LOG.error("Bullion did not run: {}", sentence(e));
            LOG.debug("Why Bullion did not run", e);
            status = 1;
        }
        System.exit(status);
    }

    private static void start() {
        Environment environment = Environment.from(System.getenv());
        Optional<Duration> retention = RetentionSetting.from(System.getenv());
        Duration drain = DrainSetting.from(
                System.getenv(), !environment.engine().seedNodes().isEmpty());
        LOG.info("Journal: {}", environment.engine().database().kind());
        // One registry for the engine's figures, the web's and the JVM's, served at /metrics with the metrics token.
        Monitoring monitoring = Monitoring.start(environment.metricsToken());
        TableSystem tableSystem;
        try {
            tableSystem = TableSystem.start(environment.engine(), monitoring.registry());
        } catch (RuntimeException e) {
            monitoring.close();
            throw e;
        }
        WebServer web;
        Optional<RetentionSweep> sweep;
        try {
            web = WebServer.start(
                    Services.of(tableSystem.tables())
                            .withHealth(tableSystem.health())
                            .withMonitoring(monitoring)
                            .withBackups(Backups.of(tableSystem, environment.engine()))
                            .withGroups(tableSystem.groups()),
                    environment.web());
            sweep = RetentionSetting.start(retention, tableSystem, environment.engine());
        } catch (RuntimeException e) {
            tableSystem.close();
            monitoring.close();
            throw e;
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping.set(true);
                            // Not ready first, still serving: a balancer that follows /health/ready sends new requests
                            // elsewhere while this node answers those already on their way (DrainSetting).
                            tableSystem.health().stopping();
                            // A node the others removed (below) serves no table any more: nothing to drain.
                            if (drain.isPositive()
                                    && tableSystem.health().live().ok()) {
                                LOG.info(
                                        "Stopping: not ready, serving {} s more while the balancer drains this node",
                                        drain.toSeconds());
                                sleep(drain);
                            }
                            // Then the web server, so in-flight requests finish while their tables are still running;
                            // then the table servers hand this node's tables over and leave the cluster.
                            long closing = System.nanoTime();
                            web.close();
                            long webClosed = System.nanoTime();
                            sweep.ifPresent(RetentionSweep::close);
                            tableSystem.close();
                            LOG.info(
                                    "Stopped: the web server in {} ms, then the tables handed over and left in {} ms",
                                    (webClosed - closing) / 1_000_000,
                                    (System.nanoTime() - webClosed) / 1_000_000);
                            monitoring.close();
                        },
                        "bullion-shutdown"));
        tableSystem.whenStopped().thenRun(() -> {
            if (!stopping.get()) {
                // Downed by the other nodes: this process can serve no table again, so it ends and its supervisor
                // (compose's restart policy, systemd) starts it afresh as a new member.
                LOG.error("This node was removed from the cluster; Bullion stops so that it can be restarted");
                new Thread(() -> System.exit(REMOVED_FROM_CLUSTER), "bullion-exit").start();
            }
        });
        // A log line, so that with BULLION_LOG_FORMAT=json every line on stdout is JSON.
        LOG.info("Bullion is running: open http://{}:{}/", environment.web().host(), web.port());
    }

    private static void sleep(Duration drain) {
        try {
            Thread.sleep(drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

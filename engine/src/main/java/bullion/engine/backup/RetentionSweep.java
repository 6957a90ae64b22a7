package bullion.engine.backup;

import bullion.engine.TableId;
import bullion.engine.TableSystem;
import bullion.engine.entity.TableEntity;
import bullion.engine.entity.TableMessage;
import bullion.engine.persistence.DatabaseSettings;
import bullion.engine.persistence.JournalRows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention: deletes closed tables whose last change (last close, reopen or payment mark) is older than
 * {@code keepFor}, events and snapshots alike. Off unless configured. A sweep first asks the journal which tables have
 * had no event written for {@code keepFor} (one query, so it does not start every table), then sends each a
 * {@link TableMessage.Retire}: the table itself checks that it is closed and old enough, deletes its rows in one
 * transaction and stops. Each deletion is logged (logger {@code bullion.audit}) with the table's id and age, never a
 * token. On a cluster every node sweeps; a table already deleted simply is not found again.
 */
public final class RetentionSweep implements AutoCloseable {

    /** A table retention deleted: its id and its last change. */
    public record Deleted(TableId id, Instant lastChange) {}

    /** How long after start-up the first sweep runs, and how often after that. */
    public static final Duration FIRST_SWEEP_AFTER = Duration.ofMinutes(5);

    public static final Duration SWEEP_EVERY = Duration.ofHours(24);

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("bullion.audit");
    private static final String PERSISTENCE_PREFIX = "Table|";

    private final ClusterSharding sharding;
    private final JournalRows rows;
    private final Duration keepFor;
    private final Duration askTimeout;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    private RetentionSweep(
            ClusterSharding sharding, JournalRows rows, Duration keepFor, Duration askTimeout, Clock clock) {
        this.sharding = sharding;
        this.rows = rows;
        this.keepFor = keepFor;
        this.askTimeout = askTimeout;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bullion-retention");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A sweep over {@code tableSystem}'s journal that deletes closed tables unchanged for {@code keepFor}. */
    public static RetentionSweep of(
            TableSystem tableSystem, DatabaseSettings database, Duration keepFor, Duration askTimeout, Clock clock) {
        if (!keepFor.isPositive()) {
            throw new IllegalArgumentException("retention must keep tables for a positive time, not " + keepFor);
        }
        return new RetentionSweep(
                ClusterSharding.get(tableSystem.actorSystem()), new JournalRows(database), keepFor, askTimeout, clock);
    }

    /** Sweeps {@link #FIRST_SWEEP_AFTER} from now and then every {@link #SWEEP_EVERY}, until closed. */
    public RetentionSweep scheduled() {
        timer.scheduleWithFixedDelay(
                this::sweepLogged, FIRST_SWEEP_AFTER.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(
                "Retention: closed tables unchanged for {} days are deleted (a sweep every {} h)",
                keepFor.toDays(),
                SWEEP_EVERY.toHours());
        return this;
    }

    /** One sweep, now; the tables it deleted. */
    public List<Deleted> sweep() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(keepFor);
        List<Deleted> deleted = new ArrayList<>();
        for (String persistenceId : rows.quietSince(PERSISTENCE_PREFIX, cutoff)) {
            Optional<TableId> id = TableId.parse(persistenceId.substring(PERSISTENCE_PREFIX.length()));
            if (id.isEmpty()) {
                continue;
            }
            TableMessage.Retired retired;
            try {
                retired = sharding.entityRefFor(TableEntity.TYPE_KEY, id.get().value())
                        .<TableMessage.Retired>ask(replyTo -> new TableMessage.Retire(cutoff, replyTo), askTimeout)
                        .toCompletableFuture()
                        .join();
            } catch (RuntimeException e) {
                // One table that does not answer (its database call failed, or it is busy) waits for the next sweep.
                LOG.warn("Retention could not ask table {}: {}", id.get(), e.getMessage());
                continue;
            }
            if (retired.deleted()) {
                Instant lastChange = retired.lastChange().orElse(cutoff);
                AUDIT.info(
                        "table {} deleted by retention: closed, last changed {} days ago ({})",
                        id.get(),
                        Duration.between(lastChange, now).toDays(),
                        lastChange);
                deleted.add(new Deleted(id.get(), lastChange));
            } else if (retired.why().startsWith("not deleted")) {
                LOG.warn("Retention kept table {}: {}", id.get(), retired.why());
            }
        }
        return deleted;
    }

    private void sweepLogged() {
        try {
            List<Deleted> deleted = sweep();
            LOG.info("Retention sweep: {} closed tables deleted", deleted.size());
        } catch (RuntimeException e) {
            LOG.warn("Retention sweep failed; the next one runs in {} h: {}", SWEEP_EVERY.toHours(), e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

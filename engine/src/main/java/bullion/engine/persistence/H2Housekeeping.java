package bullion.engine.persistence;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded file near its live size while it runs, and keeps what crash recovery needs while doing so.
 *
 * <p>Every commit writes a new chunk holding every page it changed, up to each map's root (several KB for an event of
 * about 100 bytes), and the pages it replaced die in older chunks. H2 reuses a chunk's space once nothing lives in it,
 * but with {@code WRITE_DELAY=0} (which durability needs) H2 runs no housekeeping of its own, so a chunk kept alive
 * by a few pages stays for good and the file grew about 9 KB per event. Every {@link #EVERY}, when anything has been
 * committed since its last run, this rewrites the live pages of partly dead chunks, old ones first (H2's choice),
 * into a new one ({@code MVStore.compact} and a commit,
 * {@link #REWRITE_BYTES} a step, for up to {@link #BUDGET}, while the chunks' fill rate is under
 * {@link #TARGET_FILL_PERCENT} %), so whole chunks die and their space is reused. It never moves chunks
 * ({@code compactFile}): moving them under concurrent writes tripped H2's own free-space assertions (ARCHITECTURE.md,
 * "The embedded file").
 *
 * <p>{@link #guard} is the crash-safety half. H2 recovers from the store header, which it rewrites only every 20
 * versions or so, and follows the chunks written after it; in a database H2 keeps no old versions
 * ({@code versionsToKeep = 0}), so a chunk written after the header can die and its space be overwritten by the next
 * commit before that commit rewrites the header. A crash, or a full disk failing the header write, in that moment
 * leaves recovery a broken chain and an older version to fall back to: acknowledged commits lost. Keeping
 * {@link #VERSIONS_KEPT} versions means a chunk is reused only that many commits after it died; while chunks go into
 * holes inside the file H2 rewrites the header at least every ~20 versions, so by then it has moved past that chunk.
 */
public final class H2Housekeeping implements AutoCloseable {

    /** How often the housekeeping runs. */
    static final Duration EVERY = Duration.ofMillis(500);
    /**
     * Steps are taken while the live pages fill less than this share of all chunks; H2 checks only that, and the chunks
     * a step then picks may be fuller (see {@link #REWRITE_BYTES}).
     */
    static final int TARGET_FILL_PERCENT = 80;
    /**
     * At most this many bytes of live pages are rewritten a step, so a step holds commits up only briefly. Smaller
     * steps (256 or 512 KiB) halve the saturated tail but leave the file 10-25 % larger however often they run: H2
     * ranks the chunks a step may rewrite old and dense first and fits them under this limit by dropping the
     * worst-ranked, so one old chunk with more live bytes than a step (an earlier step's output) drops all the rest,
     * and most runs find nothing to do (BENCHMARKS.md, "Housekeeping steps").
     */
    static final int REWRITE_BYTES = 2 * 1024 * 1024;
    /** A run rewrites and commits step after step for at most this long. */
    static final Duration BUDGET = Duration.ofMillis(200);
    /** Versions whose chunks are never reused: more than the 20 or so by which H2's store header can lag. */
    static final int VERSIONS_KEPT = 64;

    /** How long H2's {@code compact} waits for the store lock (its {@code tryExecuteUnderStoreLock}). */
    private static final long LOCK_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

    private final Supplier<Optional<MVStore>> openStore;
    private final ScheduledExecutorService timer;
    /** The store's version when the last run ended: unchanged at the next run means nobody has committed since. */
    private long versionAfterLastRun = -1;

    private H2Housekeeping(Supplier<Optional<MVStore>> openStore) {
        this.openStore = openStore;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bullion-h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Keeps the chunks of the last {@link #VERSIONS_KEPT} versions of {@code store} from being reused; called on every
     * newly opened embedded database before the journal writes to it. Not stored in the file, so it is set on each open.
     */
    static void guard(MVStore store) {
        if (store.getVersionsToKeep() < VERSIONS_KEPT) {
            store.setVersionsToKeep(VERSIONS_KEPT);
        }
    }

    /** Runs every {@link #EVERY} on whichever embedded store {@code openStore} finds open and alive, until closed. */
    public static H2Housekeeping start(Supplier<Optional<MVStore>> openStore) {
        H2Housekeeping housekeeping = new H2Housekeeping(openStore);
        housekeeping.timer.scheduleWithFixedDelay(
                housekeeping::run, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    private void run() {
        try {
            openStore.get().ifPresent(store -> {
                guard(store);
                if (store.getCurrentVersion() == versionAfterLastRun) {
                    // Nothing committed since the last run but that run's own steps. Each step commits, and every
                    // commit leaves a little of the chunk before it dead, so a run after a run always finds something
                    // to rewrite: an idle server kept rewriting its file for good (issue 14: 0.8 s of CPU in 20 s, and
                    // a 5 MB file grew to 41 MB). The space waits for the next writes, which reuse it.
                    return;
                }
                long stopAt = System.nanoTime() + BUDGET.toNanos();
                while (System.nanoTime() - stopAt < 0) {
                    long step = System.nanoTime();
                    // A step marks the live pages of the chunks H2 chooses as changed; the commit writes them to a new
                    // chunk. H2 tries for its store lock for 10 ms and says false either way: false sooner than that
                    // means there was nothing to rewrite, later means commits held the lock, so try again.
                    if (store.compact(TARGET_FILL_PERCENT, REWRITE_BYTES)) {
                        store.commit();
                    } else if (System.nanoTime() - step < LOCK_WAIT_NANOS) {
                        break;
                    }
                }
                versionAfterLastRun = store.getCurrentVersion();
            });
        } catch (RuntimeException e) {
            // A store closing or failing (a full disk): the journal's health probe deals with it; try again next run.
            LOG.debug("Embedded database housekeeping skipped", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package bullion.engine.backup;

import bullion.core.Event;
import bullion.core.Table;
import bullion.engine.EngineSettings;
import bullion.engine.ManageToken;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.TableSystem;
import bullion.engine.Tables;
import bullion.engine.entity.StoredEvent;
import bullion.engine.entity.TableEntity;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Export and import of whole tables, beside the {@link Tables} facade. An export reads the table's events from the
 * journal (pekko-persistence-jdbc's read journal, so either database, and rows of every stored version, read as the
 * table itself reads them); an import checks the file ({@link TableExport#read}, {@link TableExport#replay}) and writes
 * its history under a new id in one atomic write through the table entity itself, so the journal, the snapshots and
 * the stored format behave exactly as for a table opened here. Checking the manage token before an export is the
 * caller's job (the web asks {@link Tables#view} whether the token manages the table).
 */
public final class Backups {

    /** A table brought in from an export: its new id, its new manage token (shown once), and the table. */
    public record Imported(TableId id, String manageToken, Table table, String sourceTableId) {
        /** Never prints the token. */
        @Override
        public String toString() {
            return "Imported[id=" + id + ", sourceTableId=" + sourceTableId + ", version=" + table.version() + "]";
        }
    }

    private static final String PERSISTENCE_PREFIX = "Table|";

    /**
     * The journal plugin an import writes with (bullion-engine.conf): the table's own journal with a 60 s call timeout,
     * since a 10,000-event history is one write that can take seconds where a change's write is given 3.
     */
    static final String IMPORT_JOURNAL = "bullion-import-journal";

    /** How long an import may take before its caller is told it failed: the journal's 60 s, and some. */
    static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(75);

    private final ActorSystem<Void> system;
    private final Tables tables;
    private final TableEntity.Settings entitySettings;
    private final Duration timeout;
    private final Clock clock;

    private Backups(
            ActorSystem<Void> system,
            Tables tables,
            TableEntity.Settings entitySettings,
            Duration timeout,
            Clock clock) {
        this.system = system;
        this.tables = tables;
        this.entitySettings = entitySettings;
        this.timeout = timeout;
        this.clock = clock;
    }

    public static Backups of(TableSystem tableSystem, EngineSettings settings) {
        return new Backups(
                tableSystem.actorSystem(),
                tableSystem.tables(),
                new TableEntity.Settings(settings.snapshotEvery(), settings.minBackoff(), settings.maxBackoff())
                        .withJournalPluginId(IMPORT_JOURNAL),
                IMPORT_TIMEOUT,
                Clock.systemUTC());
    }

    /** The table's whole history as an export; empty if the journal has no such table. */
    public CompletionStage<Optional<TableExport>> export(TableId id) {
        return readJournal()
                .currentEventsByPersistenceId(PERSISTENCE_PREFIX + id.value(), 0L, Long.MAX_VALUE)
                .map(EventEnvelope::event)
                .runWith(Sink.seq(), system)
                .thenApply(events -> {
                    List<StoredEvent> stored = new ArrayList<>();
                    for (Object event : events) {
                        stored.add((StoredEvent) event);
                    }
                    return stored.isEmpty()
                            ? Optional.<TableExport>empty()
                            : Optional.of(TableExport.of(id.value(), clock.instant(), stored));
                });
    }

    /** Every table the journal holds, in the journal's order. */
    public CompletionStage<List<TableId>> tableIds() {
        return readJournal()
                .currentPersistenceIds()
                .filter(pid -> pid.startsWith(PERSISTENCE_PREFIX))
                .map(pid -> TableId.parse(pid.substring(PERSISTENCE_PREFIX.length())))
                .filter(Optional::isPresent)
                .map(Optional::get)
                .runWith(Sink.seq(), system)
                .thenApply(List::copyOf);
    }

    /**
     * Brings a table in from an export's bytes under a new id and manage token. Fails with {@link ExportRefused} (the
     * reason named) before anything is stored when the file is not a sound export; with a {@link TimeoutException}
     * when the journal is down or did not take the history in time (then nothing was stored that anyone can reach).
     */
    public CompletionStage<Imported> importTable(byte[] file) {
        TableExport.Replayed replayed;
        String source;
        try {
            TableExport export = TableExport.read(file);
            replayed = export.replay();
            source = export.sourceTableId();
        } catch (ExportRefused refused) {
            return CompletableFuture.failedFuture(refused);
        }
        Optional<String> problem = tables.journalProblem();
        if (problem.isPresent()) {
            return CompletableFuture.failedFuture(new TimeoutException("not imported: " + problem.get()));
        }
        TableId id = TableId.random();
        String token = ManageToken.generate();
        List<StoredEvent> events = new ArrayList<>(replayed.events());
        StoredEvent.TableCreated created = (StoredEvent.TableCreated) events.getFirst();
        events.set(0, new StoredEvent.TableCreated(alone(created.opened()), ManageToken.hash(token)));
        ActorRef<Object> run = system.systemActorOf(
                ImportRun.create(id.value(), entitySettings, events, timeout), "import-" + id.value(), Props.empty());
        return AskPattern.<Object, Outcome>ask(run, ImportRun.Start::new, timeout.plusSeconds(1), system.scheduler())
                .thenCompose(outcome -> outcome instanceof Outcome.Done done
                        ? CompletableFuture.completedFuture(new Imported(id, token, done.table(), source))
                        : CompletableFuture.failedFuture(
                                new IllegalStateException("the new table refused its history: " + outcome)));
    }

    /**
     * The opening as an imported table keeps it: in no group. Its group belongs to the Bullion it came from (here there
     * is no such group, or it would count the same night twice), and so does that group's token, which the export
     * never carries.
     */
    private static Event.TableOpened alone(Event.TableOpened opened) {
        return new Event.TableOpened(
                opened.name(),
                opened.currencyCode(),
                opened.buyInMinor(),
                opened.chipsPerBuyIn(),
                opened.defaultPaid(),
                Optional.empty());
    }

    private JdbcReadJournal readJournal() {
        return PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    }
}

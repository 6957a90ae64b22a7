package bullion.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Table;
import bullion.core.TableReport;
import bullion.engine.EngineSettings;
import bullion.engine.ManageToken;
import bullion.engine.Outcome;
import bullion.engine.TableSystem;
import bullion.engine.Tables;
import bullion.engine.persistence.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Export, then import, gives back the same table: for random nights played through the core on an H2 file (snapshots
 * every 7 events, so an import of a long night writes snapshots too), the imported table, read back through sharding
 * from its journal, equals the source, reports the same figures, answers to its new token only, and exports the very
 * same events.
 */
class ExportImportRoundTripProperties {

    private static TableSystem system;
    private static Backups backups;

    @BeforeContainer
    static void start() throws IOException {
        Path dir = Files.createTempDirectory("bullion-roundtrip");
        EngineSettings settings =
                EngineSettings.singleNode(DatabaseSettings.h2File(dir)).withSnapshotEvery(7);
        system = TableSystem.start(settings);
        backups = Backups.of(system, settings);
    }

    @AfterContainer
    static void stop() {
        system.close();
    }

    @Property(tries = 30)
    void anExportedTableImportsAsTheSameTable(@ForAll long seed, @ForAll @IntRange(min = 0, max = 160) int steps) {
        Tables tables = system.tables();
        Tables.Opened source = RandomNight.play(tables, seed, steps);
        Table before = done(tables.view(source.id(), Optional.empty())).table();

        TableExport export = RandomNight.await(backups.export(source.id())).orElseThrow();
        byte[] file = export.toJson();
        Backups.Imported imported = RandomNight.await(backups.importTable(file));

        assertThat(imported.id()).isNotEqualTo(source.id());
        assertThat(imported.manageToken()).isNotEqualTo(source.manageToken());
        assertThat(imported.sourceTableId()).isEqualTo(source.id().value());
        Outcome.Done after = done(tables.view(imported.id(), Optional.of(imported.manageToken())));
        assertThat(after.table()).isEqualTo(before);
        assertThat(TableReport.of(after.table())).isEqualTo(TableReport.of(before));
        assertThat(after.canManage()).isTrue();
        assertThat(done(tables.view(imported.id(), Optional.of(source.manageToken())))
                        .canManage())
                .as("the old token manages only the old table")
                .isFalse();
        assertThat(new String(file, java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(source.manageToken())
                .doesNotContain(ManageToken.hash(source.manageToken()));

        TableExport again = RandomNight.await(backups.export(imported.id())).orElseThrow();
        assertThat(again.events()).isEqualTo(export.events());
        assertThat(again.tableVersion()).isEqualTo(before.version());
        Statistics.label("status").collect(before.status());
        Statistics.label("events")
                .collect(export.events().size() < 20 ? "<20" : export.events().size() < 60 ? "20-59" : "60+");
    }

    private static Outcome.Done done(java.util.concurrent.CompletionStage<Outcome> stage) {
        return (Outcome.Done) RandomNight.await(stage);
    }
}

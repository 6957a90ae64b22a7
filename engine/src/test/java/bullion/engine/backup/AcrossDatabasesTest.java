package bullion.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Table;
import bullion.engine.EmbeddedFile;
import bullion.engine.EngineSettings;
import bullion.engine.Outcome;
import bullion.engine.PostgresDatabase;
import bullion.engine.TableSystem;
import bullion.engine.Tables;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table moves from one Bullion to another on the other database: from an embedded file (H2's or SQLite's) to
 * PostgreSQL and back.
 */
class AcrossDatabasesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(EmbeddedFile.class)
    void aTableExportedFromTheEmbeddedFileImportsIntoPostgresAndBackUnchanged(EmbeddedFile file) throws Exception {
        EngineSettings local = EngineSettings.singleNode(file.in(dir));
        try (PostgresDatabase database = PostgresDatabase.create("bullion_backup");
                TableSystem embedded = TableSystem.start(local);
                TableSystem postgres = TableSystem.start(EngineSettings.singleNode(database.settings())
                        .withCluster("127.0.0.1", 0, java.util.List.of()))) {
            Backups fromFile = Backups.of(embedded, local);
            Backups intoPostgres = Backups.of(postgres, EngineSettings.singleNode(database.settings()));
            Tables.Opened source = RandomNight.play(embedded.tables(), 42L, 120);
            Table before =
                    ((Outcome.Done) RandomNight.await(embedded.tables().view(source.id(), Optional.empty()))).table();
            TableExport export = RandomNight.await(fromFile.export(source.id())).orElseThrow();

            Backups.Imported onPostgres = RandomNight.await(intoPostgres.importTable(export.toJson()));
            Outcome.Done there = (Outcome.Done)
                    RandomNight.await(postgres.tables().view(onPostgres.id(), Optional.of(onPostgres.manageToken())));
            assertThat(there.table()).isEqualTo(before);
            assertThat(there.canManage()).isTrue();

            TableExport fromPostgres =
                    RandomNight.await(intoPostgres.export(onPostgres.id())).orElseThrow();
            assertThat(fromPostgres.events()).isEqualTo(export.events());
            Backups.Imported back = RandomNight.await(fromFile.importTable(fromPostgres.toJson()));
            assertThat(((Outcome.Done) RandomNight.await(embedded.tables().view(back.id(), Optional.empty()))).table())
                    .isEqualTo(before);
        }
    }
}

package bullion.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import bullion.engine.EngineSettings;
import bullion.engine.TableId;
import bullion.engine.TableSystem;
import bullion.engine.Tables;
import bullion.engine.backup.ExportRefused.Reason;
import bullion.engine.persistence.DatabaseSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that is not a sound export is refused with its own reason, and creates no table. */
class ImportRefusalsTest {

    @TempDir
    static Path dir;

    private static TableSystem system;
    private static Backups backups;
    private static TableExport export;

    @BeforeAll
    static void start() {
        EngineSettings settings = EngineSettings.singleNode(DatabaseSettings.h2File(dir));
        system = TableSystem.start(settings);
        backups = Backups.of(system, settings);
        Tables.Opened source = RandomNight.play(system.tables(), 7L, 30);
        export = RandomNight.await(backups.export(source.id())).orElseThrow();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aChangedPayloadIsRefusedAsTampered() {
        String file = new String(export.toJson(), StandardCharsets.UTF_8);
        String tampered = file.replaceFirst("Player 1", "Player 9");
        assertThat(tampered).isNotEqualTo(file);
        assertRefused(tampered.getBytes(StandardCharsets.UTF_8), Reason.DIGEST_MISMATCH, "changed or damaged");
    }

    @Test
    void aChangedHeaderIsRefusedAsTampered() {
        String file = new String(export.toJson(), StandardCharsets.UTF_8);
        String tampered = file.replace(export.sourceTableId(), "AAAAAAAAAAAAAAAAAAAAAA");
        assertRefused(tampered.getBytes(StandardCharsets.UTF_8), Reason.DIGEST_MISMATCH, "SHA-256");
    }

    @Test
    void foreignFilesAreRefusedAsNotAnExport() {
        assertRefused(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}, Reason.NOT_AN_EXPORT, "not valid JSON");
        assertRefused(
                "{\"name\":\"Friday\",\"buyIn\":\"20.00\"}".getBytes(StandardCharsets.UTF_8),
                Reason.NOT_AN_EXPORT,
                "not a Bullion table export");
        assertRefused("[1,2,3]".getBytes(StandardCharsets.UTF_8), Reason.NOT_AN_EXPORT, "not a Bullion table export");
        assertRefused(new byte[0], Reason.NOT_AN_EXPORT, "not a Bullion table export");
    }

    @Test
    void anUnknownFormatVersionIsRefusedByNumber() {
        String file = new String(export.toJson(), StandardCharsets.UTF_8).replace("\"version\" : 1", "\"version\" : 2");
        assertRefused(file.getBytes(StandardCharsets.UTF_8), Reason.UNKNOWN_VERSION, "format version 2");
    }

    @Test
    void aMissingFieldIsRefusedAsIncomplete() {
        String file = new String(export.toJson(), StandardCharsets.UTF_8).replaceFirst("\"exportedAt\"", "\"when\"");
        assertRefused(file.getBytes(StandardCharsets.UTF_8), Reason.MALFORMED, "\"exportedAt\"");
    }

    /** A file with a correct digest still replays before anything is stored: the digest is no signature. */
    @Test
    void eventsThatDoNotReplayAreRefusedEvenWithARightDigest() {
        List<TableExport.Entry> withoutOpening =
                export.events().subList(1, export.events().size());
        assertRefused(rewritten(withoutOpening, export.tableVersion()), Reason.DOES_NOT_REPLAY, "Event 1 must open");

        List<TableExport.Entry> openedTwice = new ArrayList<>(export.events());
        openedTwice.add(1, export.events().getFirst());
        assertRefused(rewritten(openedTwice, export.tableVersion()), Reason.DOES_NOT_REPLAY, "opens the table again");

        List<TableExport.Entry> unknown = new ArrayList<>(export.events());
        unknown.add(new TableExport.Entry("table-vanished", "{}"));
        assertRefused(rewritten(unknown, export.tableVersion()), Reason.DOES_NOT_REPLAY, "table-vanished");

        List<TableExport.Entry> newer = new ArrayList<>(export.events());
        TableExport.Entry last = newer.removeLast();
        newer.add(new TableExport.Entry(last.manifest().replaceFirst("#\\d+$", "") + "#99", last.payload()));
        assertRefused(rewritten(newer, export.tableVersion()), Reason.DOES_NOT_REPLAY, "cannot be read");

        assertRefused(rewritten(export.events(), export.tableVersion() + 1), Reason.DOES_NOT_REPLAY, "replay to");
    }

    @Test
    void aFileOverTheLimitIsRefusedAsTooLarge() {
        assertRefused(new byte[TableExport.MAX_BYTES + 1], Reason.TOO_LARGE, "at most 16777216 bytes");
    }

    private static byte[] rewritten(List<TableExport.Entry> events, long tableVersion) {
        return new TableExport(export.sourceTableId(), export.exportedAt(), tableVersion, events).toJson();
    }

    private static void assertRefused(byte[] file, Reason reason, String saying) {
        List<TableId> before = RandomNight.await(backups.tableIds());
        Throwable thrown = catchThrowable(
                () -> backups.importTable(file).toCompletableFuture().join());
        Throwable cause = thrown instanceof CompletionException ? thrown.getCause() : thrown;
        assertThat(cause).isInstanceOf(ExportRefused.class).hasMessageContaining(saying);
        assertThat(((ExportRefused) cause).reason()).isEqualTo(reason);
        assertThat(RandomNight.await(backups.tableIds())).as("no table created").isEqualTo(before);
    }
}

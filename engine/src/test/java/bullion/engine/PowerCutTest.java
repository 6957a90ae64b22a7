package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.persistence.DatabaseSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.h2.store.fs.FilePath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable on the embedded default: the power goes at a random moment under a write load (the
 * write in flight torn, every write since the file's last sync undone: {@link PowerCutFileSystem}), and every change
 * the facade acknowledged is in the file when it is opened again.
 */
class PowerCutTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path afterTheCut;

    @AfterEach
    void powerBack() throws IOException {
        PowerCutFileSystem.restore();
    }

    @RepeatedTest(3)
    void everyAcknowledgedChangeIsInTheFileAfterAPowerCutAtARandomMoment() throws Exception {
        DatabaseSettings disk = DatabaseSettings.h2File(dataDir);
        DatabaseSettings database = new DatabaseSettings(
                disk.kind(), PowerCutFileSystem.under(disk.url(), "synced"), disk.user(), disk.password());
        assertThat(database.url()).startsWith("jdbc:h2:synced:powercut:");
        FaultLoad.Tally tally;
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(database))) {
            FaultLoad load = FaultLoad.start(system.tables(), "Cut ");
            load.awaitRecorded(40 + ThreadLocalRandom.current().nextInt(200), Duration.ofSeconds(60));
            PowerCutFileSystem.cut();
            FaultLoad.awaitTrue(PowerCutFileSystem::isDown, Duration.ofSeconds(10), "no write after the cut");
            tally = load.stopNow();
        }
        PowerCutFileSystem.restore();

        // Opened afresh from a copy, as after a reboot: this JVM's dead database keeps the original's name.
        Files.copy(dataDir.resolve("bullion.mv.db"), afterTheCut.resolve("bullion.mv.db"));
        DatabaseSettings reopened = DatabaseSettings.h2File(afterTheCut);
        Set<String> journaled = FaultLoad.journaledRequestIds(
                reopened.url(),
                reopened.user(),
                reopened.password(),
                "SELECT \"event_payload\" FROM \"event_journal\"");
        long acknowledged = tally.recorded();
        long kept = tally.all().stream()
                .filter(a -> a.result() == FaultLoad.Result.RECORDED)
                .filter(a -> journaled.contains(a.requestId()))
                .count();
        System.out.printf(
                "PowerCutTest: %s; after the cut %d of %d acknowledged changes in the file, %d changes in all%n",
                tally.figures(), kept, acknowledged, journaled.size());
        assertThat(kept)
                .as("acknowledged changes in the file after the power cut")
                .isEqualTo(acknowledged);
    }

    /** The double itself: an unsynced write is gone after the cut, a synced one and an O_DSYNC one are kept. */
    @Test
    void theDoubleLosesExactlyTheWritesThatWereNotSynced() throws Exception {
        PowerCutFileSystem.restore(); // registers the file system
        String path = "powercut:" + dataDir.resolve("double").toString().replace('\\', '/');
        try (FileChannel plain = FilePath.get(path + ".plain").open("rw");
                FileChannel dsync = FilePath.get(path + ".dsync").open("rwd")) {
            plain.write(bytes("synced "), 0);
            plain.force(false);
            plain.write(bytes("unsynced"), 7);
            dsync.write(bytes("on the disk"), 0);
            PowerCutFileSystem.cut();
            try {
                dsync.write(bytes("torn"), 11);
            } catch (IOException expected) {
                // the power went during it
            }
            assertThat(PowerCutFileSystem.isDown()).isTrue();
            PowerCutFileSystem.restore();
        }
        assertThat(Files.readString(dataDir.resolve("double.plain"))).isEqualTo("synced ");
        assertThat(Files.readString(dataDir.resolve("double.dsync"))).startsWith("on the disk");
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}

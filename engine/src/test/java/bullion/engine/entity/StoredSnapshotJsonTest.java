package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Entry;
import bullion.core.Event;
import bullion.core.Table;
import bullion.engine.json.LegacyJacksonJsonReader;
import bullion.engine.json.StoredFormatSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Snapshots are stored too: the current shape must match its golden JSON both ways, and the snapshots of the
 * first release ({@code golden-snapshots}, captured from Pekko's jackson-json serializer before the stored format
 * existed) must still read equal, through the table-state 1 → 2 upcaster. Reading is strict.
 */
class StoredSnapshotJsonTest {

  private static final ActorTestKit KIT = ActorTestKit.create(LocalTestConfig.withInMemoryJournal());
  private static final Serialization SERIALIZATION = SerializationExtension.get(KIT.system());
  private static final Instant AT = Instant.parse("2026-11-27T21:15:00Z");

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  /** Players, a buy-in and a cash-out that count, a voided cash-out with its reason, closed, with recent requests. */
  static TableState golden() {
    TableState s = TableState.empty();
    s = s.apply(new StoredEvent.TableCreated(new Event.TableOpened("Friday", "USD", 2000, 100), "ab12"));
    s = s.apply(recorded(new Event.PlayerJoined(1, "Ari"), "req-1", "0a1b"));
    s = s.apply(new StoredEvent.Recorded(new Event.PlayerJoined(2, "Bo"), Optional.empty()));
    s = s.apply(recorded(new Event.BoughtIn(1, AT, 1, 2), "req-2", "2c3d"));
    s = s.apply(new StoredEvent.Recorded(new Event.BoughtIn(2, AT.plusSeconds(60), 2, 1), Optional.empty()));
    s = s.apply(recorded(new Event.CashedOut(3, AT.plusSeconds(120), 1, 150), "req-3", "4e5f"));
    s = s.apply(new StoredEvent.Recorded(new Event.CashedOut(4, AT.plusSeconds(180), 2, 20), Optional.empty()));
    s = s.apply(recorded(new Event.EntryVoided(4, AT.plusSeconds(240), "tapped twice"), "req-4", "6a7b"));
    return s.apply(recorded(new Event.TableClosed(AT.plusSeconds(300)), "req-5", "8c9d"));
  }

  /** Big enough (over 32 KiB of JSON) that Pekko's jackson-json serializer gzipped it. */
  static TableState large() {
    TableState s = TableState.empty();
    s = s.apply(new StoredEvent.TableCreated(new Event.TableOpened("Marathon", "EUR", 500, 50), "cd34"));
    s = s.apply(new StoredEvent.Recorded(new Event.PlayerJoined(1, "Ari"), Optional.empty()));
    for (int i = 1; i <= 300; i++) {
      s = s.apply(recorded(new Event.BoughtIn(i, AT.plusSeconds(i), 1, 1), "request-" + i, String.format("%032x", i)));
    }
    return s;
  }

  private static StoredEvent recorded(Event event, String requestId, String fingerprint) {
    return new StoredEvent.Recorded(event, Optional.of(new StoredEvent.RequestRef(requestId, fingerprint)));
  }

  @Test
  void theGoldenSnapshotCoversEveryKindOfEntryAVoidingAClosedTableAndRecentRequests() {
    Table table = golden().table().orElseThrow();
    assertThat(table.entries()).extracting(Entry::kind).contains(Entry.Kind.BUY_IN, Entry.Kind.CASH_OUT);
    assertThat(table.entries()).anyMatch(e -> e.voiding().filter(v -> !v.reason().isEmpty()).isPresent());
    assertThat(table.closed()).isTrue();
    assertThat(golden().recent().seen()).hasSize(5);
  }

  @Test
  void theSnapshotMatchesItsGoldenJsonBothWays() {
    TableState state = golden();
    Serializer serializer = SERIALIZATION.findSerializerFor(state);
    assertThat(serializer.identifier()).isEqualTo(StoredFormatSerializer.IDENTIFIER);
    GoldenFiles golden = GoldenFiles.read("golden-stored/snapshots/table-state.json");
    assertThat(Serializers.manifestFor(serializer, state)).isEqualTo(golden.manifest());
    assertThat(new String(serializer.toBinary(state), StandardCharsets.UTF_8)).isEqualTo(golden.payload());
    assertThat(read(StoredFormatSerializer.IDENTIFIER, golden.manifest(), golden.bytes())).isEqualTo(state);
  }

  @Test
  void aSnapshotOfTheFirstReleaseReadsIntoTheCurrentShape() {
    GoldenFiles legacy = GoldenFiles.read("golden-snapshots/legacy-table-state.json");
    assertThat(legacy.payload()).as("version 1 wraps the recent requests").contains("\"recent\":{\"seen\":[");
    assertThat(read(LegacyJacksonJsonReader.IDENTIFIER, legacy.manifest(), legacy.bytes())).isEqualTo(golden());
  }

  @Test
  void aGzippedSnapshotOfTheFirstReleaseReadsEqual() {
    GoldenFiles legacy = GoldenFiles.read("golden-snapshots/legacy-table-state-gzipped.b64");
    byte[] gzipped = Base64.getMimeDecoder().decode(legacy.payload());
    assertThat(read(LegacyJacksonJsonReader.IDENTIFIER, legacy.manifest(), gzipped)).isEqualTo(large());
  }

  @Test
  void anUnknownPropertyIsRefusedNotIgnored() {
    String json = payload().replace("\"closed\":true", "\"closed\":true,\"tip\":5");
    assertThat(tryRead("table-state#2", json)).isFalse();
  }

  @Test
  void aMissingPropertyIsRefusedNotReadAsZero() {
    assertThat(tryRead("table-state#2", payload().replace("\"quantity\":150,", ""))).isFalse();
    assertThat(tryRead("recorded", "{\"event\":{\"type\":\"BoughtIn\",\"seq\":1,\"at\":\"2026-11-27T21:15:00Z\","
        + "\"playerId\":1},\"request\":null}")).isFalse();
  }

  @Test
  void aNullWhereANumberBelongsIsRefused() {
    assertThat(tryRead("table-state#2", payload().replace("\"quantity\":150", "\"quantity\":null"))).isFalse();
  }

  @Test
  void aShapeNewerThanThisCodeIsRefused() {
    assertThat(tryRead("table-state#3", payload())).isFalse();
    assertThat(tryRead("table-state#2", payload())).as("the control").isTrue();
  }

  private static String payload() {
    return GoldenFiles.read("golden-stored/snapshots/table-state.json").payload();
  }

  private static boolean tryRead(String manifest, String json) {
    return SERIALIZATION.deserialize(json.getBytes(StandardCharsets.UTF_8), StoredFormatSerializer.IDENTIFIER, manifest)
        .isSuccess();
  }

  private static Object read(int serializerId, String manifest, byte[] bytes) {
    return SERIALIZATION.deserialize(bytes, serializerId, manifest).get();
  }
}

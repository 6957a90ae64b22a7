package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Event;
import bullion.engine.json.LegacyJacksonJsonReader;
import bullion.engine.json.StoredFormatSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The journal's format is a promise to every table ever stored: each kind of stored event must serialize to
 * exactly its golden JSON and read back equal, and the rows of the first release ({@code golden-events}, written
 * by Pekko's jackson-json serializer with class-name manifests) must still read equal.
 */
class StoredEventJsonTest {

  private static final ActorTestKit KIT = ActorTestKit.create(LocalTestConfig.withInMemoryJournal());
  private static final Instant AT = Instant.parse("2026-11-27T21:15:00Z");

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  /** One example of every stored event, by golden file name. */
  static Map<String, StoredEvent> examples() {
    Map<String, StoredEvent> all = new LinkedHashMap<>();
    all.put("table-created", new StoredEvent.TableCreated(new Event.TableOpened("Friday", "USD", 2000, 100), "ab12"));
    all.put("player-joined", new StoredEvent.Recorded(new Event.PlayerJoined(1, "Ari"), Optional.empty()));
    all.put("bought-in", new StoredEvent.Recorded(new Event.BoughtIn(1, AT, 1, 2),
        Optional.of(new StoredEvent.RequestRef("req-1", "f00d"))));
    all.put("cashed-out", new StoredEvent.Recorded(new Event.CashedOut(2, AT, 1, 150), Optional.empty()));
    all.put("entry-voided", new StoredEvent.Recorded(new Event.EntryVoided(1, AT, "tapped twice"), Optional.empty()));
    all.put("table-closed", new StoredEvent.Recorded(new Event.TableClosed(AT), Optional.empty()));
    all.put("table-reopened", new StoredEvent.Recorded(new Event.TableReopened(AT), Optional.empty()));
    return all;
  }

  @Test
  void everyStoredEventMatchesItsGoldenJsonBothWays() {
    Serialization serialization = SerializationExtension.get(KIT.system());
    for (Map.Entry<String, StoredEvent> example : examples().entrySet()) {
      StoredEvent event = example.getValue();
      Serializer serializer = serialization.findSerializerFor(event);
      assertThat(serializer.identifier()).isEqualTo(StoredFormatSerializer.IDENTIFIER);
      GoldenFiles golden = GoldenFiles.read("golden-stored/events/" + example.getKey() + ".json");
      assertThat(Serializers.manifestFor(serializer, event)).as(example.getKey()).isEqualTo(golden.manifest());
      assertThat(new String(serializer.toBinary(event), StandardCharsets.UTF_8)).as(example.getKey())
          .isEqualTo(golden.payload());
      Object back = serialization.deserialize(golden.bytes(), StoredFormatSerializer.IDENTIFIER, golden.manifest()).get();
      assertThat(back).as(example.getKey()).isEqualTo(event);
    }
  }

  @Test
  void everyEventJournaledByTheFirstReleaseStillReadsEqual() {
    Serialization serialization = SerializationExtension.get(KIT.system());
    for (Map.Entry<String, StoredEvent> example : examples().entrySet()) {
      GoldenFiles legacy = GoldenFiles.read("golden-events/" + example.getKey() + ".json");
      Object back = serialization.deserialize(legacy.bytes(), LegacyJacksonJsonReader.IDENTIFIER, legacy.manifest()).get();
      assertThat(back).as(example.getKey()).isEqualTo(example.getValue());
    }
  }

  @Test
  void everyKindOfCoreEventHasAGoldenExample() {
    List<Class<?>> covered = examples().values().stream()
        .<Class<?>>map(e -> e instanceof StoredEvent.Recorded r ? r.event().getClass() : Event.TableOpened.class)
        .distinct().toList();
    assertThat(covered).containsExactlyInAnyOrder(Event.class.getPermittedSubclasses());
  }
}

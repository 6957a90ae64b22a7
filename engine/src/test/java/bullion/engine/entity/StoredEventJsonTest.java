package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Event;
import bullion.core.Paid;
import bullion.core.Party;
import bullion.core.PayApp;
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
 * exactly its golden JSON ({@code golden-stored/night}) and read back equal, and the rows of earlier shapes must
 * still read equal, with the meaning they had: those of the first release ({@code golden-events}, written by Pekko's
 * jackson-json serializer with class-name manifests) and those of the stored format's version 1
 * ({@code golden-stored/events}).
 */
class StoredEventJsonTest {

    private static final ActorTestKit KIT = ActorTestKit.create(LocalTestConfig.withInMemoryJournal());
    private static final Instant AT = Instant.parse("2026-11-27T21:15:00Z");

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    /** One example of every stored event and of each shape of one, by golden file name: today's shapes. */
    static Map<String, StoredEvent> examples() {
        Map<String, StoredEvent> all = new LinkedHashMap<>();
        all.put(
                "table-created",
                new StoredEvent.TableCreated(new Event.TableOpened("Friday", "USD", 2000, 100, Paid.CASH), "ab12"));
        all.put(
                "table-created-in-group",
                new StoredEvent.TableCreated(
                        new Event.TableOpened(
                                "Thursday", "USD", 2000, 100, Paid.CREDIT, Optional.of("GRPxxxxxxxxxxxxxxxxxxx")),
                        "ab12",
                        Optional.of("cd34")));
        all.put("player-joined", new StoredEvent.Recorded(new Event.PlayerJoined(1, "Ari"), Optional.empty()));
        all.put("player-renamed", new StoredEvent.Recorded(new Event.PlayerRenamed(1, "Ari B"), Optional.empty()));
        all.put(
                "pay-handles-set",
                new StoredEvent.Recorded(
                        new Event.PayHandlesSet(1, Map.of(PayApp.VENMO, "ari-b", PayApp.CASH_APP, "arib")),
                        Optional.empty()));
        all.put(
                "bought-in",
                new StoredEvent.Recorded(
                        new Event.BoughtIn(1, AT, 1, 2, Paid.CASH),
                        Optional.of(new StoredEvent.RequestRef("req-1", "f00d"))));
        all.put(
                "bought-chips",
                new StoredEvent.Recorded(new Event.BoughtChips(2, AT, 1, 250, Paid.CREDIT), Optional.empty()));
        all.put("cashed-out", new StoredEvent.Recorded(new Event.CashedOut(2, AT, 1, 150), Optional.empty()));
        all.put(
                "entry-voided",
                new StoredEvent.Recorded(new Event.EntryVoided(1, AT, "tapped twice"), Optional.empty()));
        all.put(
                "table-closed",
                new StoredEvent.Recorded(
                        new Event.TableClosed(
                                AT,
                                Optional.of(3),
                                Optional.of(List.of(
                                        new Event.PlannedPayment(1, Party.BANK, Party.player(1), 3000),
                                        new Event.PlannedPayment(2, Party.player(2), Party.player(3), 800)))),
                        Optional.empty()));
        all.put(
                "table-closed-shared-back",
                new StoredEvent.Recorded(
                        new Event.TableClosed(AT, Optional.empty(), Optional.of(List.of())), Optional.empty()));
        all.put("table-reopened", new StoredEvent.Recorded(new Event.TableReopened(AT), Optional.empty()));
        all.put("payment-marked", new StoredEvent.Recorded(new Event.PaymentMarked(2, AT), Optional.empty()));
        all.put("payment-unmarked", new StoredEvent.Recorded(new Event.PaymentUnmarked(2, AT), Optional.empty()));
        return all;
    }

    /**
     * One example of every event of the first release, by golden file name, as it reads today: a table opened then
     * took buy-ins on credit, and a close named no player for chips still out and froze no plan.
     */
    static Map<String, StoredEvent> firstRelease() {
        Map<String, StoredEvent> all = new LinkedHashMap<>();
        all.put(
                "table-created",
                new StoredEvent.TableCreated(new Event.TableOpened("Friday", "USD", 2000, 100), "ab12"));
        all.put("player-joined", new StoredEvent.Recorded(new Event.PlayerJoined(1, "Ari"), Optional.empty()));
        all.put(
                "bought-in",
                new StoredEvent.Recorded(
                        new Event.BoughtIn(1, AT, 1, 2), Optional.of(new StoredEvent.RequestRef("req-1", "f00d"))));
        all.put("cashed-out", new StoredEvent.Recorded(new Event.CashedOut(2, AT, 1, 150), Optional.empty()));
        all.put(
                "entry-voided",
                new StoredEvent.Recorded(new Event.EntryVoided(1, AT, "tapped twice"), Optional.empty()));
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
            GoldenFiles golden = GoldenFiles.read(currentGolden(example.getKey()));
            assertThat(Serializers.manifestFor(serializer, event))
                    .as(example.getKey())
                    .isEqualTo(golden.manifest());
            assertThat(new String(serializer.toBinary(event), StandardCharsets.UTF_8))
                    .as(example.getKey())
                    .isEqualTo(golden.payload());
            Object back = serialization
                    .deserialize(golden.bytes(), StoredFormatSerializer.IDENTIFIER, golden.manifest())
                    .get();
            assertThat(back).as(example.getKey()).isEqualTo(event);
        }
    }

    /**
     * Where today's shape of an example is pinned: a table's first event changed shape with groups
     * ({@code golden-stored/groups}); every other event is as it was for finishing the night.
     */
    private static String currentGolden(String example) {
        String folder = example.startsWith("table-created") ? "groups" : "night";
        return "golden-stored/" + folder + "/events/" + example + ".json";
    }

    @Test
    void aTableOpenedBeforeGroupsStillReadsEqualInNoGroup() {
        Serialization serialization = SerializationExtension.get(KIT.system());
        GoldenFiles night = GoldenFiles.read("golden-stored/night/events/table-created.json");
        assertThat(night.manifest()).isEqualTo("table-created#2");
        StoredEvent.TableCreated back = (StoredEvent.TableCreated) serialization
                .deserialize(night.bytes(), StoredFormatSerializer.IDENTIFIER, night.manifest())
                .get();
        assertThat(back).isEqualTo(examples().get("table-created"));
        assertThat(back.opened().groupId()).as("in no group").isEmpty();
        assertThat(back.groupTokenHash()).as("managed by its own token only").isEmpty();
    }

    @Test
    void everyEventJournaledByTheFirstReleaseStillReadsEqual() {
        Serialization serialization = SerializationExtension.get(KIT.system());
        for (Map.Entry<String, StoredEvent> example : firstRelease().entrySet()) {
            GoldenFiles legacy = GoldenFiles.read("golden-events/" + example.getKey() + ".json");
            Object back = serialization
                    .deserialize(legacy.bytes(), LegacyJacksonJsonReader.IDENTIFIER, legacy.manifest())
                    .get();
            assertThat(back).as(example.getKey()).isEqualTo(example.getValue());
        }
    }

    @Test
    void everyEventOfTheStoredFormatsFirstShapesStillReadsEqual() {
        Serialization serialization = SerializationExtension.get(KIT.system());
        for (Map.Entry<String, StoredEvent> example : firstRelease().entrySet()) {
            GoldenFiles older = GoldenFiles.read("golden-stored/events/" + example.getKey() + ".json");
            assertThat(older.manifest()).as(example.getKey()).doesNotContain("#");
            Object back = serialization
                    .deserialize(older.bytes(), StoredFormatSerializer.IDENTIFIER, older.manifest())
                    .get();
            assertThat(back).as(example.getKey()).isEqualTo(example.getValue());
        }
    }

    @Test
    void anOlderRowWithAFieldItsVersionDidNotHaveIsRefused() {
        Serialization serialization = SerializationExtension.get(KIT.system());
        byte[] json =
                GoldenFiles.read("golden-stored/night/events/bought-in.json").bytes();
        assertThat(serialization
                        .deserialize(json, StoredFormatSerializer.IDENTIFIER, "recorded")
                        .isFailure())
                .isTrue();
        assertThat(serialization
                        .deserialize(json, StoredFormatSerializer.IDENTIFIER, "recorded#2")
                        .isSuccess())
                .as("the control")
                .isTrue();
    }

    @Test
    void theFirstReleasesEventsMeanWhatTheyMeantThen() {
        StoredEvent.TableCreated created = (StoredEvent.TableCreated) readLegacy("table-created");
        assertThat(created.opened().defaultPaid())
                .as("buy-ins on credit unless they say")
                .isEqualTo(Paid.CREDIT);
        Event.BoughtIn boughtIn = (Event.BoughtIn) ((StoredEvent.Recorded) readLegacy("bought-in")).event();
        assertThat(boughtIn.paid()).isEqualTo(Paid.CREDIT);
        Event.TableClosed closed = (Event.TableClosed) ((StoredEvent.Recorded) readLegacy("table-closed")).event();
        assertThat(closed.missingChipsCashedOutBy())
                .as("no player named: shared back")
                .isEmpty();
        assertThat(closed.payments())
                .as("no frozen plan: worked out when applied")
                .isEmpty();
    }

    private static Object readLegacy(String name) {
        GoldenFiles legacy = GoldenFiles.read("golden-events/" + name + ".json");
        return SerializationExtension.get(KIT.system())
                .deserialize(legacy.bytes(), LegacyJacksonJsonReader.IDENTIFIER, legacy.manifest())
                .get();
    }

    @Test
    void everyKindOfCoreEventHasAGoldenExample() {
        List<Class<?>> covered = examples().values().stream()
                .<Class<?>>map(
                        e -> e instanceof StoredEvent.Recorded r ? r.event().getClass() : Event.TableOpened.class)
                .distinct()
                .toList();
        assertThat(covered).containsExactlyInAnyOrder(Event.class.getPermittedSubclasses());
    }
}

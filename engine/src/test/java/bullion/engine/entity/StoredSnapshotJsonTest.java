package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Entry;
import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Milestone;
import bullion.core.MissingChips;
import bullion.core.Paid;
import bullion.core.Party;
import bullion.core.PayApp;
import bullion.core.Table;
import bullion.engine.json.LegacyJacksonJsonReader;
import bullion.engine.json.StoredFormatSerializer;
import bullion.engine.json.TableStateVersion4;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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
 * Snapshots are stored too: the current shape must match its golden JSON both ways, and older snapshots must
 * still read equal to what replaying their journal gives: those of the first release ({@code golden-snapshots},
 * captured from Pekko's jackson-json serializer before the stored format existed) through the table-state 1 → 2
 * and 2 → 3 upcasters, and table-state 2 ({@code golden-stored/snapshots}) through 2 → 3. Reading is strict.
 */
class StoredSnapshotJsonTest {

    private static final ActorTestKit KIT = ActorTestKit.create(LocalTestConfig.withInMemoryJournal());
    private static final Serialization SERIALIZATION = SerializationExtension.get(KIT.system());
    private static final Instant AT = Instant.parse("2026-11-27T21:15:00Z");

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    /**
     * Today's shape: cash and credit buy-ins, a chip buy-in, a rename, pay handles, a voided cash-out, closed with
     * missing chips cashed out by a player and a frozen plan with the bank in it, one payment marked and one unmarked.
     */
    static TableState night() {
        TableState s = TableState.empty();
        s = s.apply(new StoredEvent.TableCreated(new Event.TableOpened("Friday", "USD", 2000, 100, Paid.CASH), "ab12"));
        s = s.apply(recorded(new Event.PlayerJoined(1, "Ari"), "req-1", "0a1b"));
        s = s.apply(new StoredEvent.Recorded(new Event.PlayerJoined(2, "Bo"), Optional.empty()));
        s = s.apply(new StoredEvent.Recorded(new Event.PlayerJoined(3, "Cy"), Optional.empty()));
        s = s.apply(recorded(new Event.PlayerRenamed(3, "Cyd"), "req-2", "2c3d"));
        s = s.apply(new StoredEvent.Recorded(
                new Event.PayHandlesSet(2, Map.of(PayApp.VENMO, "bo-venmo", PayApp.CASH_APP, "bocash")),
                Optional.empty()));
        s = s.apply(recorded(new Event.BoughtIn(1, AT, 1, 2, Paid.CASH), "req-3", "4e5f"));
        s = s.apply(unrecorded(new Event.BoughtIn(2, AT.plusSeconds(60), 2, 1, Paid.CREDIT)));
        s = s.apply(unrecorded(new Event.BoughtChips(3, AT.plusSeconds(120), 3, 50, Paid.CASH)));
        s = s.apply(recorded(new Event.CashedOut(4, AT.plusSeconds(180), 1, 150), "req-4", "6a7b"));
        s = s.apply(new StoredEvent.Recorded(new Event.CashedOut(5, AT.plusSeconds(240), 2, 20), Optional.empty()));
        s = s.apply(unrecorded(new Event.EntryVoided(5, AT.plusSeconds(300), "tapped twice")));
        s = s.apply(new StoredEvent.Recorded(new Event.CashedOut(6, AT.plusSeconds(360), 2, 60), Optional.empty()));
        s = s.apply(recorded(
                new Event.TableClosed(
                        AT.plusSeconds(420),
                        Optional.of(3),
                        Optional.of(List.of(
                                new Event.PlannedPayment(1, Party.BANK, Party.player(1), 3000),
                                new Event.PlannedPayment(2, Party.BANK, Party.player(3), 2000),
                                new Event.PlannedPayment(3, Party.player(2), Party.player(3), 800)))),
                "req-5",
                "8c9d"));
        s = s.apply(recorded(new Event.PaymentMarked(1, AT.plusSeconds(480)), "req-6", "0e1f"));
        s = s.apply(new StoredEvent.Recorded(new Event.PaymentMarked(2, AT.plusSeconds(540)), Optional.empty()));
        return s.apply(recorded(new Event.PaymentUnmarked(2, AT.plusSeconds(600)), "req-7", "2a3b"));
    }

    /**
     * The first release's table of the golden snapshots: players, a buy-in and a cash-out that count, a voided
     * cash-out with its reason, closed (150 chips still out, shared back), with recent requests; as replay gives it.
     */
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
            s = s.apply(recorded(
                    new Event.BoughtIn(i, AT.plusSeconds(i), 1, 1), "request-" + i, String.format("%032x", i)));
        }
        return s;
    }

    private static StoredEvent unrecorded(Event event) {
        return new StoredEvent.Recorded(event, Optional.empty());
    }

    private static StoredEvent recorded(Event event, String requestId, String fingerprint) {
        return new StoredEvent.Recorded(event, Optional.of(new StoredEvent.RequestRef(requestId, fingerprint)));
    }

    @Test
    void theGoldenSnapshotCoversEveryKindOfEntryAVoidingAClosedTableAndRecentRequests() {
        Table table = golden().table().orElseThrow();
        assertThat(table.entries()).extracting(Entry::kind).contains(Entry.Kind.BUY_IN, Entry.Kind.CASH_OUT);
        assertThat(table.entries())
                .anyMatch(e -> e.voiding().filter(v -> !v.reason().isEmpty()).isPresent());
        assertThat(table.closed()).isTrue();
        assertThat(golden().recentRequests()).hasSize(5);
    }

    @Test
    void theNightSnapshotCoversEveryNewKindOfValue() {
        Table table = night().table().orElseThrow();
        assertThat(table.settings().defaultPaid()).isEqualTo(Paid.CASH);
        assertThat(table.entries()).extracting(Entry::unit).contains(Entry.Unit.BUY_INS, Entry.Unit.CHIPS);
        assertThat(table.entries()).extracting(Entry::paid).contains(Paid.CASH, Paid.CREDIT);
        assertThat(table.players()).anyMatch(p -> p.payHandles().size() > 1);
        assertThat(table.closing().orElseThrow().missingChips()).isInstanceOf(MissingChips.CashedOutBy.class);
        assertThat(table.closing().orElseThrow().payments())
                .anyMatch(p -> p.from() instanceof Party.Bank)
                .anyMatch(p -> p.paid())
                .anyMatch(p -> !p.paid());
        assertThat(table.milestones())
                .extracting(Milestone::kind)
                .contains(Milestone.Kind.CLOSED, Milestone.Kind.PAYMENT_MARKED, Milestone.Kind.PAYMENT_UNMARKED);
    }

    /** The night's table opened in a group: the snapshot keeps the group and its token's hash. */
    static TableState groupNight() {
        TableState n = night();
        return new TableState(
                n.table(), n.manageTokenHash(), n.recent(), Optional.of("GRPxxxxxxxxxxxxxxxxxxx"), Optional.of("cd34"));
    }

    @Test
    void theSnapshotOfAGroupTableMatchesItsGoldenJsonBothWays() {
        TableState state = groupNight();
        Serializer serializer = SERIALIZATION.findSerializerFor(state);
        GoldenFiles golden = GoldenFiles.read("golden-stored/ledger-columns/group-table-state.json");
        assertThat(Serializers.manifestFor(serializer, state)).isEqualTo(golden.manifest());
        assertThat(new String(serializer.toBinary(state), StandardCharsets.UTF_8))
                .isEqualTo(golden.payload());
        assertThat(read(StoredFormatSerializer.IDENTIFIER, golden.manifest(), golden.bytes()))
                .isEqualTo(state);
    }

    @Test
    void aSnapshotOfTableState3ReadsIntoTheCurrentShapeInNoGroup() {
        GoldenFiles older = GoldenFiles.read("golden-stored/night/snapshots/table-state.json");
        assertThat(older.manifest()).isEqualTo("table-state#3");
        TableState back = (TableState) read(StoredFormatSerializer.IDENTIFIER, older.manifest(), older.bytes());
        assertThat(back).isEqualTo(night());
        assertThat(back.groupId()).isEmpty();
        assertThat(back.groupTokenHash()).isEmpty();
    }

    @Test
    void theSnapshotMatchesItsGoldenJsonBothWays() {
        TableState state = night();
        Serializer serializer = SERIALIZATION.findSerializerFor(state);
        assertThat(serializer.identifier()).isEqualTo(StoredFormatSerializer.IDENTIFIER);
        GoldenFiles golden = GoldenFiles.read("golden-stored/ledger-columns/table-state.json");
        assertThat(Serializers.manifestFor(serializer, state)).isEqualTo(golden.manifest());
        assertThat(new String(serializer.toBinary(state), StandardCharsets.UTF_8))
                .isEqualTo(golden.payload());
        assertThat(read(StoredFormatSerializer.IDENTIFIER, golden.manifest(), golden.bytes()))
                .isEqualTo(state);
    }

    @Test
    void aSnapshotOfTableState4ReadsIntoTheCurrentShape() {
        GoldenFiles alone = GoldenFiles.read("golden-stored/groups/snapshots/table-state.json");
        GoldenFiles inGroup = GoldenFiles.read("golden-stored/groups/snapshots/group-table-state.json");
        assertThat(alone.manifest()).isEqualTo("table-state#4");
        assertThat(inGroup.manifest()).isEqualTo("table-state#4");
        assertThat(alone.payload()).as("version 4 keeps one object per entry").contains("\"entries\":[{\"seq\":1,");
        assertThat(read(StoredFormatSerializer.IDENTIFIER, alone.manifest(), alone.bytes()))
                .isEqualTo(night());
        assertThat(read(StoredFormatSerializer.IDENTIFIER, inGroup.manifest(), inGroup.bytes()))
                .isEqualTo(groupNight());
    }

    /**
     * Times to the nanosecond, before and after the epoch, and a long ledger: written as table-state 5 and read back,
     * and written as table-state 4 (entries as objects) and read through the 4 → 5 upcaster, both equal to replay.
     */
    @Test
    void aLongLedgerWithNanosecondTimesReadsBackEqualFromVersions4And5() {
        TableState s = TableState.empty();
        s = s.apply(new StoredEvent.TableCreated(new Event.TableOpened("Long", "EUR", 500, 50, Paid.CASH), "ef01"));
        s = s.apply(unrecorded(new Event.PlayerJoined(1, "Ari")));
        s = s.apply(unrecorded(new Event.PlayerJoined(2, "Bo")));
        Instant[] times = {
            Instant.parse("1969-12-31T23:59:59.999999999Z"),
            Instant.parse("2026-11-27T21:15:00.123456789Z"),
            Instant.parse("2026-11-27T21:15:00.000001Z"),
            AT
        };
        for (int seq = 1; seq <= 2_000; seq++) {
            Instant at = times[seq % times.length];
            Event event = switch (seq % 5) {
                case 0 -> new Event.CashedOut(seq, at, 2, 7);
                case 1 -> new Event.BoughtChips(seq, at, 1, 50, Paid.CREDIT);
                default -> new Event.BoughtIn(seq, at, 1 + seq % 2, 1, seq % 3 == 0 ? Paid.CASH : Paid.CREDIT);
            };
            s = s.apply(unrecorded(event));
        }
        s = s.apply(unrecorded(new Event.EntryVoided(10, AT.plusNanos(5), "double tap")));
        TableState state = s;
        Serializer serializer = SERIALIZATION.findSerializerFor(state);
        String manifest = Serializers.manifestFor(serializer, state);
        assertThat(manifest).isEqualTo("table-state#5");
        byte[] columns = serializer.toBinary(state);
        assertThat(read(StoredFormatSerializer.IDENTIFIER, manifest, columns)).isEqualTo(state);

        byte[] objects = TableStateVersion4.write(state);
        assertThat(new String(objects, StandardCharsets.UTF_8)).contains("\"at\":\"2026-11-27T21:15:00.123456789Z\"");
        assertThat(read(StoredFormatSerializer.IDENTIFIER, "table-state#4", objects))
                .isEqualTo(state);
        assertThat(columns.length).as("columns are smaller").isLessThan(objects.length / 2);
    }

    @Test
    void aLedgerWithAColumnMissingTooLongOrUnknownIsRefused() {
        String json = GoldenFiles.read("golden-stored/ledger-columns/table-state.json")
                .payload();
        assertThat(tryRead("table-state#5", json)).as("the control").isTrue();
        assertThat(tryRead("table-state#5", json.replace("\"atNano\":[0,0,0,0,0,0],", "")))
                .as("missing")
                .isFalse();
        assertThat(tryRead("table-state#5", json.replace("\"atNano\":[0,0,0,0,0,0]", "\"atNano\":[0,0,0,0,0,0,0]")))
                .as("longer than the others")
                .isFalse();
        assertThat(tryRead("table-state#5", json.replace("\"atNano\":[0,0,0,0,0,0]", "\"atNano\":[0,0,null,0,0,0]")))
                .as("a null for a number")
                .isFalse();
        assertThat(tryRead("table-state#5", json.replace("\"atNano\":[0,0,0,0,0,0]", "\"atNano\":[0,0,-1,0,0,0]")))
                .as("no such nanosecond")
                .isFalse();
        assertThat(tryRead("table-state#5", json.replace("\"paid\":[\"CASH\"", "\"paid\":[\"CHEQUE\"")))
                .as("no such way to pay")
                .isFalse();
        assertThat(tryRead("table-state#5", json.replace("\"atNano\":[", "\"tip\":[],\"atNano\":[")))
                .as("an unknown column")
                .isFalse();
    }

    @Test
    void aSnapshotOfTheFirstReleaseReadsIntoTheCurrentShape() {
        GoldenFiles legacy = GoldenFiles.read("golden-snapshots/legacy-table-state.json");
        assertThat(legacy.payload()).as("version 1 wraps the recent requests").contains("\"recent\":{\"seen\":[");
        assertThat(read(LegacyJacksonJsonReader.IDENTIFIER, legacy.manifest(), legacy.bytes()))
                .isEqualTo(golden());
    }

    @Test
    void aSnapshotOfTableState2ReadsIntoTheCurrentShape() {
        GoldenFiles older = GoldenFiles.read("golden-stored/snapshots/table-state.json");
        assertThat(older.manifest()).isEqualTo("table-state#2");
        assertThat(older.payload()).as("version 2 says closed with a boolean").contains("\"closed\":true");
        assertThat(read(StoredFormatSerializer.IDENTIFIER, older.manifest(), older.bytes()))
                .isEqualTo(golden());
    }

    @Test
    void aClosedTableOfAnOldSnapshotHasThePlanReplayWorksOut() {
        Table table = golden().table().orElseThrow();
        assertThat(table.closing().orElseThrow().missingChips()).isEqualTo(new MissingChips.SharedBack());
        assertThat(table.closing().orElseThrow().payments()).isNotEmpty().noneMatch(p -> p.paid());
        assertThat(table.closing().orElseThrow().at()).isEqualTo(AT.plusSeconds(300));
    }

    /**
     * Closed, reopened, then closed again by a request without an id: the snapshot holds neither the last close's
     * time nor the first close and the reopening. Journaled by the first release: the same events as
     * {@code golden-snapshots/legacy-closed-table-state.json}, captured from that release's code.
     */
    private static List<StoredEvent> closedTwiceInTheFirstRelease() {
        return List.of(
                new StoredEvent.TableCreated(new Event.TableOpened("Saturday", "EUR", 1000, 50), "ef56"),
                recorded(new Event.PlayerJoined(1, "Ari"), "j-1", "1111"),
                new StoredEvent.Recorded(new Event.PlayerJoined(2, "Bo"), Optional.empty()),
                new StoredEvent.Recorded(new Event.PlayerJoined(3, "Cy"), Optional.empty()),
                recorded(new Event.BoughtIn(1, AT, 1, 1), "b-1", "2222"),
                new StoredEvent.Recorded(new Event.BoughtIn(2, AT.plusSeconds(60), 2, 2), Optional.empty()),
                new StoredEvent.Recorded(new Event.BoughtIn(3, AT.plusSeconds(120), 3, 1), Optional.empty()),
                recorded(new Event.TableClosed(AT.plusSeconds(600)), "c-1", "3333"),
                new StoredEvent.Recorded(new Event.TableReopened(AT.plusSeconds(660)), Optional.empty()),
                new StoredEvent.Recorded(new Event.CashedOut(4, AT.plusSeconds(720), 1, 80), Optional.empty()),
                recorded(new Event.CashedOut(5, AT.plusSeconds(780), 2, 110), "o-2", "4444"),
                new StoredEvent.Recorded(new Event.TableClosed(AT.plusSeconds(900)), Optional.empty()));
    }

    @Test
    void aClosedTableOfAnOldSnapshotIsClosedAtTheLatestTimeItHoldsAndRemembersOnlyThatClose() {
        GoldenFiles legacy = GoldenFiles.read("golden-snapshots/legacy-closed-table-state.json");
        TableState read = (TableState) read(LegacyJacksonJsonReader.IDENTIFIER, legacy.manifest(), legacy.bytes());

        List<StoredEvent> journal = closedTwiceInTheFirstRelease();
        TableState replayed = TableState.empty();
        for (StoredEvent event : journal) {
            replayed = replayed.apply(event);
        }
        TableState beforeLastClose = TableState.empty();
        for (StoredEvent event : journal.subList(0, journal.size() - 1)) {
            beforeLastClose = beforeLastClose.apply(event);
        }
        Table open = beforeLastClose.table().orElseThrow();
        Table openWithoutHistory =
                new Table(open.settings(), open.players(), open.entries(), Optional.empty(), List.of(), open.version());
        Instant lastCashOut = AT.plusSeconds(780);
        TableState expected = new TableState(
                Optional.of(EventApplier.apply(Optional.of(openWithoutHistory), new Event.TableClosed(lastCashOut))),
                "ef56",
                replayed.recent());
        assertThat(read).isEqualTo(expected);

        Table fromSnapshot = read.table().orElseThrow();
        Table fromJournal = replayed.table().orElseThrow();
        assertThat(fromSnapshot.closing().orElseThrow().payments())
                .as("the same plan")
                .isEqualTo(fromJournal.closing().orElseThrow().payments())
                .isNotEmpty();
        assertThat(fromSnapshot.closing().orElseThrow().missingChips()).isEqualTo(new MissingChips.SharedBack());
        assertThat(fromSnapshot.version()).isEqualTo(fromJournal.version());
        assertThat(fromSnapshot.players()).isEqualTo(fromJournal.players());
        assertThat(fromSnapshot.entries()).isEqualTo(fromJournal.entries());
        assertThat(fromSnapshot.milestones())
                .as("only the close the snapshot knows of")
                .containsExactly(new Milestone(lastCashOut, Milestone.Kind.CLOSED, Optional.empty()));
    }

    @Test
    void aGzippedSnapshotOfTheFirstReleaseReadsEqual() {
        GoldenFiles legacy = GoldenFiles.read("golden-snapshots/legacy-table-state-gzipped.b64");
        byte[] gzipped = Base64.getMimeDecoder().decode(legacy.payload());
        assertThat(read(LegacyJacksonJsonReader.IDENTIFIER, legacy.manifest(), gzipped))
                .isEqualTo(large());
    }

    @Test
    void anUnknownPropertyIsRefusedNotIgnored() {
        String json = payload().replace("\"version\":", "\"tip\":5,\"version\":");
        assertThat(json).isNotEqualTo(payload());
        assertThat(tryRead("table-state#3", json)).isFalse();
    }

    @Test
    void aMissingPropertyIsRefusedNotReadAsZero() {
        assertThat(payload()).contains("\"quantity\":150,", ",\"paid\":\"CASH\"");
        assertThat(tryRead("table-state#3", payload().replace("\"quantity\":150,", "")))
                .isFalse();
        assertThat(tryRead("table-state#3", payload().replaceFirst(",\"paid\":\"CASH\"", "")))
                .isFalse();
        assertThat(tryRead(
                        "recorded",
                        "{\"event\":{\"type\":\"BoughtIn\",\"seq\":1,\"at\":\"2026-11-27T21:15:00Z\","
                                + "\"playerId\":1},\"request\":null}"))
                .isFalse();
    }

    @Test
    void aNullWhereANumberBelongsIsRefused() {
        assertThat(tryRead("table-state#3", payload().replace("\"quantity\":150", "\"quantity\":null")))
                .isFalse();
    }

    @Test
    void aShapeNewerThanThisCodeIsRefused() {
        assertThat(tryRead("table-state#6", payload())).isFalse();
        assertThat(tryRead("table-state#3", payload())).as("the control").isTrue();
    }

    private static String payload() {
        return GoldenFiles.read("golden-stored/night/snapshots/table-state.json")
                .payload();
    }

    private static boolean tryRead(String manifest, String json) {
        return SERIALIZATION
                .deserialize(json.getBytes(StandardCharsets.UTF_8), StoredFormatSerializer.IDENTIFIER, manifest)
                .isSuccess();
    }

    private static Object read(int serializerId, String manifest, byte[] bytes) {
        return SERIALIZATION.deserialize(bytes, serializerId, manifest).get();
    }
}

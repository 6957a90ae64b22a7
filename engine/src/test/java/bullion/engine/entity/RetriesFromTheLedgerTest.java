package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.BuyInSize;
import bullion.core.Command;
import bullion.core.CommandDecider;
import bullion.core.Event;
import bullion.core.MissingChips;
import bullion.core.Paid;
import bullion.core.PayApp;
import bullion.engine.ManageToken;
import bullion.engine.Outcome;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A remembered request whose event the table gives back keeps only a number ({@link EventNumbers}); a retry
 * is still answered with exactly the events of the first answer, for every kind of change, after later changes to
 * the same entry or player, after a restart from a snapshot and after a replay of the journal alone. The testkit
 * also writes and reads the state after every command and insists it reads back equal.
 */
class RetriesFromTheLedgerTest {

    /**
     * With the testkit's snapshot store too, so that a restart reads the last snapshot, and both stores keeping
     * written bytes (the behavior testkit keeps the objects), so that a restart reads what was stored.
     */
    private static final ActorTestKit KIT =
            ActorTestKit.create(ConfigFactory.parseString("pekko.persistence.testkit.events.serialize = on\n"
                            + "pekko.persistence.testkit.snapshots.serialize = on")
                    .withFallback(PersistenceTestKitSnapshotPlugin.config())
                    .withFallback(LocalTestConfig.withInMemoryJournal()));

    private static final Serialization SERIALIZATION = SerializationExtension.get(KIT.system());
    private static final String TOKEN = "the-manage-token";
    private static final Instant AT = Instant.parse("2026-11-29T20:00:00Z");

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    /** A table that snapshots every {@code snapshotEvery} events, its clock a second later at every reading. */
    private static EventSourcedBehaviorTestKit<TableMessage, StoredEvent, TableState> table(int snapshotEvery) {
        Clock ticking = new Clock() {
            private Instant now = AT;

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                now = now.plusMillis(1_001).plusNanos(7);
                return now;
            }
        };
        return EventSourcedBehaviorTestKit.create(
                KIT.system(),
                TableEntity.create(
                        "table-" + snapshotEvery,
                        new TableEntity.Settings(snapshotEvery, Duration.ofMillis(10), Duration.ofMillis(100)),
                        CommandDecider::decide,
                        ticking,
                        KIT.<TableTopics.Message>createTestProbe().ref(),
                        KIT.<ClusterSharding.ShardCommand>createTestProbe().ref()));
    }

    private static Outcome change(
            EventSourcedBehaviorTestKit<TableMessage, StoredEvent, TableState> table, Command command, String id) {
        return table.<Outcome>runCommand(
                        replyTo -> new TableMessage.Change(command, TOKEN, Optional.ofNullable(id), replyTo))
                .reply();
    }

    /**
     * Every kind of change under a request id, and after some of them another change to the same entry or player
     * without one; the first answer to each id.
     */
    private static Map<String, Outcome> night(
            EventSourcedBehaviorTestKit<TableMessage, StoredEvent, TableState> table) {
        table.<Outcome>runCommand(replyTo -> new TableMessage.Open(
                new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100),
                ManageToken.hash(TOKEN),
                replyTo));
        Map<String, Outcome> first = new LinkedHashMap<>();
        for (Map.Entry<String, Command> asked : requests().entrySet()) {
            first.put(asked.getKey(), change(table, asked.getValue(), asked.getKey()));
            later(asked.getKey())
                    .ifPresent(command -> assertThat(change(table, command, null))
                            .as("%s", command)
                            .isInstanceOf(Outcome.Done.class));
        }
        return first;
    }

    private static Map<String, Command> requests() {
        Map<String, Command> requests = new LinkedHashMap<>();
        requests.put("join", new Command.AddPlayer("Ari"));
        requests.put("join-2", new Command.AddPlayer("Bo"));
        requests.put("join-3", new Command.AddPlayer("Cy"));
        requests.put("rename", new Command.RenamePlayer(2, "Bob"));
        requests.put("handles", new Command.SetPayHandles(1, Map.of(PayApp.VENMO, "ari-v")));
        requests.put("buy", new Command.BuyIn(1, 3));
        requests.put("chips", new Command.BuyIn(2, new BuyInSize.Chips(150), Optional.of(Paid.CASH)));
        requests.put("cash-out", new Command.CashOut(1, 50));
        requests.put("void", new Command.VoidEntry(3, Optional.of("tapped twice")));
        requests.put("refused", new Command.CashOut(1, 1_000_000));
        requests.put("close", new Command.CloseTable(Optional.of(new MissingChips.CashedOutBy(2))));
        requests.put("mark", new Command.MarkPaid(1));
        requests.put("unmark", new Command.UnmarkPaid(1));
        requests.put("reopen", new Command.ReopenTable());
        requests.put("cash-out-2", new Command.CashOut(2, 100));
        requests.put("buy-2", new Command.BuyIn(1, 1));
        return requests;
    }

    /** What changes, without a request id, what the request {@code id} made, or its player. */
    private static Optional<Command> later(String id) {
        return Optional.ofNullable(
                switch (id) {
                    case "join" -> new Command.RenamePlayer(1, "Ariel");
                    case "handles" -> new Command.SetPayHandles(1, Map.of(PayApp.VENMO, "ari-w"));
                    case "rename" -> new Command.RenamePlayer(2, "Bobby");
                    case "chips" -> new Command.VoidEntry(2, Optional.of("wrong player"));
                    case "cash-out-2" -> new Command.VoidEntry(4, Optional.empty());
                    default -> null;
                });
    }

    private static void retriesGetTheFirstAnswers(
            EventSourcedBehaviorTestKit<TableMessage, StoredEvent, TableState> table,
            Map<String, Outcome> first,
            String when) {
        Map<String, Command> requests = requests();
        for (Map.Entry<String, Outcome> answer : first.entrySet()) {
            var retry = table.<Outcome>runCommand(replyTo -> new TableMessage.Change(
                    requests.get(answer.getKey()), TOKEN, Optional.of(answer.getKey()), replyTo));
            assertThat(retry.hasNoEvents())
                    .as("%s %s journals nothing", answer.getKey(), when)
                    .isTrue();
            if (answer.getValue() instanceof Outcome.Done done) {
                assertThat(retry.reply())
                        .as("%s %s", answer.getKey(), when)
                        .isInstanceOfSatisfying(
                                Outcome.Done.class,
                                again -> assertThat(again.events())
                                        .isEqualTo(done.events())
                                        .hasSize(1));
            } else if (!when.startsWith("after a")) {
                // A refusal is kept in this process only: a restarted table decides it again (TableEntityTest).
                assertThat(retry.reply()).as("%s %s", answer.getKey(), when).isEqualTo(answer.getValue());
            }
        }
    }

    @Test
    void everyKindOfChangeIsAnsweredAgainWithItsFirstEventsAfterLaterChangesASnapshotAndAReplay() {
        for (int snapshotEvery : List.of(1, 1_000)) {
            var table = table(snapshotEvery);
            Map<String, Outcome> first = night(table);
            assertThat(first.get("refused")).isInstanceOf(Outcome.Refused.class);
            assertThat(first.values())
                    .filteredOn(Outcome.Done.class::isInstance)
                    .hasSize(first.size() - 1);
            // join-3, buy, chips, cash-out, void, cash-out-2 and buy-2 keep a number; the others their events (the
            // first two players were renamed after they joined).
            assertThat(table.getState().recent().heldAsNumbers()).isEqualTo(7);

            retriesGetTheFirstAnswers(table, first, "while running");
            String restart = snapshotEvery == 1 ? "after a restart from a snapshot" : "after a replay of the journal";
            var restarted = table.restart().state();
            assertThat(restarted.recent().heldAsNumbers()).isEqualTo(7);
            retriesGetTheFirstAnswers(table, first, restart);
        }
    }

    @Test
    void aVoidingTheJournalRepeatsOnTheSameEntryIsAnsweredAsItWasFirstWhileRunningAndAfterASnapshot() {
        // The decider refuses to void a voided entry; a journal that holds two voidings of one still answers the
        // first one's request with the first voiding, though the ledger keeps only the second.
        Event.EntryVoided firstVoiding = new Event.EntryVoided(1, AT.plusSeconds(60), "first");
        TableState state = TableState.empty()
                .apply(new StoredEvent.TableCreated(new Event.TableOpened("Friday", "USD", 2000, 100), "ab12"))
                .apply(unrecorded(new Event.PlayerJoined(1, "Ari")))
                .apply(recorded(new Event.BoughtIn(1, AT, 1, 2), "buy"))
                .apply(recorded(firstVoiding, "void"));
        assertThat(state.recent().heldAsNumbers()).isEqualTo(2);
        state = state.apply(unrecorded(new Event.EntryVoided(1, AT.plusSeconds(120), "second")));
        assertThat(state.recent().heldAsNumbers()).isEqualTo(1);
        assertThat(state.recent()
                        .find("void", state.table().orElseThrow())
                        .orElseThrow()
                        .events())
                .containsExactly(firstVoiding);

        TableState read = writtenAndRead(state);
        assertThat(read).isEqualTo(state);
        assertThat(read.recentRequests()).isEqualTo(state.recentRequests());
        assertThat(read.recent()
                        .find("void", read.table().orElseThrow())
                        .orElseThrow()
                        .events())
                .containsExactly(firstVoiding);
        assertThat(read.recent()
                        .find("buy", read.table().orElseThrow())
                        .orElseThrow()
                        .events())
                .containsExactly(new Event.BoughtIn(1, AT, 1, 2, Paid.DEFAULT));
    }

    @Test
    void aSecondEventOfTheSameRequestKeepsBothAsTheyAre() {
        // No decider records two events for one request; a journal that does is answered with both.
        Event boughtIn = new Event.BoughtIn(1, AT, 1, 2);
        Event cashedOut = new Event.CashedOut(2, AT.plusSeconds(60), 1, 50);
        TableState state = TableState.empty()
                .apply(new StoredEvent.TableCreated(new Event.TableOpened("Friday", "USD", 2000, 100), "ab12"))
                .apply(unrecorded(new Event.PlayerJoined(1, "Ari")))
                .apply(recorded(boughtIn, "both"));
        assertThat(state.recent().heldAsNumbers()).isEqualTo(1);
        state = state.apply(recorded(cashedOut, "both"));
        assertThat(state.recent().heldAsNumbers()).isZero();
        assertThat(state.recent()
                        .find("both", state.table().orElseThrow())
                        .orElseThrow()
                        .events())
                .containsExactly(boughtIn, cashedOut);
        assertThat(writtenAndRead(state)).isEqualTo(state);
    }

    @Test
    void anEventTheLedgerWouldGiveBackOtherwiseIsKeptAsItIs() {
        // A state made by hand whose remembered buy-in is not the one its ledger holds (as no journal makes it):
        // the snapshot's list is kept as it reads, not replaced by the ledger's.
        TableState night = TableState.empty()
                .apply(new StoredEvent.TableCreated(new Event.TableOpened("Friday", "USD", 2000, 100), "ab12"))
                .apply(unrecorded(new Event.PlayerJoined(1, "Ari")))
                .apply(unrecorded(new Event.BoughtIn(1, AT, 1, 2)));
        Event notInTheLedger = new Event.BoughtIn(1, AT, 1, 3);
        TableState state = new TableState(
                night.table(),
                "ab12",
                new RecentRequests(List.of(
                        new RecentRequests.Seen(new StoredEvent.RequestRef("buy", "0a1b"), List.of(notInTheLedger)))));
        assertThat(state.recent().heldAsNumbers()).isZero();
        assertThat(state.recentRequests().getFirst().events()).containsExactly(notInTheLedger);
        assertThat(writtenAndRead(state)).isEqualTo(state);
    }

    private static TableState writtenAndRead(TableState state) {
        var serializer = SERIALIZATION.findSerializerFor(state);
        byte[] bytes = serializer.toBinary(state);
        return (TableState) SERIALIZATION
                .deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, state))
                .get();
    }

    private static StoredEvent unrecorded(Event event) {
        return new StoredEvent.Recorded(event, Optional.empty());
    }

    private static StoredEvent recorded(Event event, String requestId) {
        return new StoredEvent.Recorded(event, Optional.of(new StoredEvent.RequestRef(requestId, "0a1b2c")));
    }
}

package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.core.CommandDecider;
import bullion.core.Event;
import bullion.core.Rejection;
import bullion.engine.ManageToken;
import bullion.engine.Outcome;
import bullion.engine.TableChanged;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The entity against the in-memory journal, with Pekko's serialization checks on for every message, event and state. */
class TableEntityTest {

    private static final ActorTestKit KIT = ActorTestKit.create(LocalTestConfig.withInMemoryJournal());
    private static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");
    private static final String TOKEN = "the-manage-token";

    private TestProbe<TableTopics.Message> topics;
    private TestProbe<ClusterSharding.ShardCommand> shard;
    private EventSourcedBehaviorTestKit<TableMessage, StoredEvent, TableState> table;

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @BeforeEach
    void openTable() {
        topics = KIT.createTestProbe();
        shard = KIT.createTestProbe();
        table = EventSourcedBehaviorTestKit.create(
                KIT.system(),
                TableEntity.create(
                        "table-1",
                        new TableEntity.Settings(100, Duration.ofMillis(10), Duration.ofMillis(100)),
                        CommandDecider::decide,
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        topics.ref(),
                        shard.ref()));
    }

    private CommandResultWithReply<TableMessage, StoredEvent, TableState, Outcome> open() {
        return table.runCommand(replyTo -> new TableMessage.Open(
                new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100),
                ManageToken.hash(TOKEN),
                replyTo));
    }

    private CommandResultWithReply<TableMessage, StoredEvent, TableState, Outcome> change(
            Command command, Optional<String> requestId) {
        return table.runCommand(replyTo -> new TableMessage.Change(command, TOKEN, requestId, replyTo));
    }

    @Test
    void openingJournalsTheTableWithOnlyTheHashOfItsToken() {
        var result = open();
        assertThat(result.events())
                .containsExactly(new StoredEvent.TableCreated(
                        new Event.TableOpened("Friday", "USD", 2000, 100), ManageToken.hash(TOKEN)));
        assertThat(result.reply()).isInstanceOf(Outcome.Done.class);
        assertThat(result.state().manageTokenHash()).doesNotContain(TOKEN);
        assertThat(topics.expectMessageClass(TableTopics.Publish.class).change())
                .isEqualTo(new TableChanged("table-1", 1));
    }

    @Test
    void anAcceptedChangeIsJournaledThenAcknowledgedWithTheNewTable() {
        open();
        var result = change(new Command.AddPlayer("Ari"), Optional.empty());
        assertThat(result.events())
                .containsExactly(new StoredEvent.Recorded(new Event.PlayerJoined(1, "Ari"), Optional.empty()));
        Outcome.Done done = (Outcome.Done) result.reply();
        assertThat(done.table().players()).hasSize(1);
        assertThat(done.events()).containsExactly(new Event.PlayerJoined(1, "Ari"));
    }

    @Test
    void aRejectionJournalsNothingAndSaysWhy() {
        open();
        change(new Command.AddPlayer("Ari"), Optional.empty());
        var result = change(new Command.CashOut(1, 5), Optional.empty());
        assertThat(result.hasNoEvents()).isTrue();
        assertThat(result.reply()).isEqualTo(new Outcome.Refused(new Rejection.NotEnoughChipsOnTable(5, 0)));
    }

    @Test
    void aTableThatWasNeverOpenedIsNotFoundNotEmpty() {
        var view = table.<Outcome>runCommand(replyTo -> new TableMessage.View(Optional.empty(), replyTo));
        assertThat(view.reply()).isEqualTo(new Outcome.NotFound());
        var change = change(new Command.AddPlayer("Ari"), Optional.empty());
        assertThat(change.reply()).isEqualTo(new Outcome.NotFound());
        assertThat(change.hasNoEvents()).isTrue();
        // A process started for an unknown id asks its shard to stop it straight away.
        assertThat(shard.expectMessageClass(ClusterSharding.Passivate.class)).isNotNull();
    }

    @Test
    void anOpenTableIsNeverStoppedForBeingAsked() {
        open();
        table.<Outcome>runCommand(replyTo -> new TableMessage.View(Optional.empty(), replyTo));
        change(new Command.CashOut(9, 1), Optional.empty());
        shard.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void openingAnOpenTableIsRefusedAndLeavesItRunning() {
        open();
        // With another token: an open with this table's own token is the facade's copy of the open that made it.
        var again = table.<Outcome>runCommand(replyTo -> new TableMessage.Open(
                new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100),
                ManageToken.hash("another token"),
                replyTo));
        assertThat(again.reply()).isEqualTo(new Outcome.Refused(new Rejection.TableAlreadyOpen()));
        assertThat(again.hasNoEvents()).isTrue();
        shard.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void aRefusedOpenAnswersWhyAndStopsTheProcess() {
        var result = table.<Outcome>runCommand(replyTo -> new TableMessage.Open(
                new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 0), ManageToken.hash(TOKEN), replyTo));
        assertThat(result.reply())
                .isEqualTo(new Outcome.Refused(new Rejection.ChipsPerBuyInOutOfRange(0, 1_000_000_000L)));
        assertThat(result.hasNoEvents()).isTrue();
        assertThat(shard.expectMessageClass(ClusterSharding.Passivate.class)).isNotNull();
    }

    @Test
    void aChangeWithAWrongTokenIsForbidden() {
        open();
        var result = table.<Outcome>runCommand(replyTo ->
                new TableMessage.Change(new Command.AddPlayer("Ari"), "not-the-token", Optional.empty(), replyTo));
        assertThat(result.reply()).isEqualTo(new Outcome.Forbidden());
        assertThat(result.hasNoEvents()).isTrue();
    }

    @Test
    void aViewSaysWhetherTheTokenMayManage() {
        open();
        var withToken = table.<Outcome>runCommand(replyTo -> new TableMessage.View(Optional.of(TOKEN), replyTo));
        var withoutToken = table.<Outcome>runCommand(replyTo -> new TableMessage.View(Optional.empty(), replyTo));
        assertThat(((Outcome.Done) withToken.reply()).canManage()).isTrue();
        assertThat(((Outcome.Done) withoutToken.reply()).canManage()).isFalse();
    }

    @Test
    void aRetriedRequestGetsItsFirstOutcomeAndJournalsNothingNew() {
        open();
        change(new Command.AddPlayer("Ari"), Optional.empty());
        var first = change(new Command.BuyIn(1, 1), Optional.of("req-1"));
        var retry = change(new Command.BuyIn(1, 1), Optional.of("req-1"));
        assertThat(retry.hasNoEvents()).isTrue();
        assertThat(((Outcome.Done) retry.reply()).events()).isEqualTo(((Outcome.Done) first.reply()).events());
        assertThat(retry.state().table().orElseThrow().entries()).hasSize(1);
    }

    @Test
    void aRetriedRequestThatWasRefusedGetsTheSameRefusalEvenIfItWouldNowPass() {
        open();
        change(new Command.AddPlayer("Ari"), Optional.empty());
        var first = change(new Command.CashOut(1, 50), Optional.of("req-9"));
        change(new Command.BuyIn(1, 1), Optional.empty());
        var retry = change(new Command.CashOut(1, 50), Optional.of("req-9"));
        assertThat(retry.reply())
                .isEqualTo(first.reply())
                .isEqualTo(new Outcome.Refused(new Rejection.NotEnoughChipsOnTable(50, 0)));
        assertThat(retry.hasNoEvents()).isTrue();
        var reused = change(new Command.CashOut(1, 10), Optional.of("req-9"));
        assertThat(reused.reply()).isEqualTo(new Outcome.RequestIdReused("req-9"));
    }

    @Test
    void aRequestIdReusedForAnotherCommandIsRefused() {
        open();
        change(new Command.AddPlayer("Ari"), Optional.of("req-1"));
        var reused = change(new Command.AddPlayer("Bea"), Optional.of("req-1"));
        assertThat(reused.reply()).isEqualTo(new Outcome.RequestIdReused("req-1"));
        assertThat(reused.hasNoEvents()).isTrue();
    }

    @Test
    void requestIdsAreRememberedAcrossARestart() {
        open();
        change(new Command.AddPlayer("Ari"), Optional.empty());
        change(new Command.BuyIn(1, 2), Optional.of("req-7"));
        table.restart();
        var retry = change(new Command.BuyIn(1, 2), Optional.of("req-7"));
        assertThat(retry.hasNoEvents()).isTrue();
        assertThat(((Outcome.Done) retry.reply()).events()).hasSize(1);
    }

    @Test
    void aRefusedRequestIsDecidedAgainAfterARestart() {
        open();
        change(new Command.AddPlayer("Ari"), Optional.empty());
        change(new Command.CashOut(1, 50), Optional.of("req-9"));
        change(new Command.BuyIn(1, 1), Optional.empty());
        table.restart();
        // A refusal journals nothing, so a restarted table has forgotten it and decides the retry afresh.
        var retry = change(new Command.CashOut(1, 50), Optional.of("req-9"));
        assertThat(retry.reply()).isInstanceOf(Outcome.Done.class);
        assertThat(retry.events()).hasSize(1);
    }

    @Test
    void restartingReplaysTheJournalIntoTheSameTable() {
        open();
        change(new Command.AddPlayer("Ari"), Optional.empty());
        change(new Command.BuyIn(1, 3), Optional.empty());
        change(new Command.CashOut(1, 120), Optional.empty());
        TableState before = table.getState();
        assertThat(table.restart().state()).isEqualTo(before);
        assertThat(before.table().orElseThrow().entries()).hasSize(2);
        assertThat(List.of(before.table().orElseThrow().version())).containsExactly(4L);
    }

    @Test
    void aChangeThatArrivesAfterItsDeadlineIsNeitherDecidedNorJournaledNorAnswered() {
        open();
        TestProbe<Outcome> caller = KIT.createTestProbe();
        var late = table.runCommand(new TableMessage.Change(
                new Command.AddPlayer("Ari"), TOKEN, Optional.of("late"), NOW.minusMillis(1), caller.ref()));
        assertThat(late.hasNoEvents()).isTrue();
        assertThat(late.state().table().orElseThrow().players()).isEmpty();
        caller.expectNoMessage(Duration.ofMillis(200));
        // Dropped, not refused: the same request id is decided afresh when it comes in time.
        assertThat(change(new Command.AddPlayer("Ari"), Optional.of("late")).reply())
                .isInstanceOf(Outcome.Done.class);
    }

    @Test
    void aChangeAtItsDeadlineIsStillRecorded() {
        open();
        var onTime = table.<Outcome>runCommand(replyTo ->
                new TableMessage.Change(new Command.AddPlayer("Ari"), TOKEN, Optional.empty(), NOW, replyTo));
        assertThat(onTime.events()).hasSize(1);
    }

    @Test
    void anOpenThatArrivesAfterItsDeadlineOpensNothingAndStopsTheProcess() {
        TestProbe<Outcome> caller = KIT.createTestProbe();
        var late = table.runCommand(new TableMessage.Open(
                new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100),
                ManageToken.hash(TOKEN),
                NOW.minusSeconds(1),
                caller.ref()));
        assertThat(late.hasNoEvents()).isTrue();
        caller.expectNoMessage(Duration.ofMillis(200));
        assertThat(shard.expectMessageClass(ClusterSharding.Passivate.class)).isNotNull();
    }

    @Test
    void aCopyOfARecordedChangeIsAnsweredWithItsOutcomeEvenPastTheDeadline() {
        // The facade asks again while a table is slow or moving: the first copy's answer went to an ask that had given
        // up, so a later copy, reaching the table after the deadline, is the one that must carry the outcome home.
        open();
        Outcome first = change(new Command.AddPlayer("Ari"), Optional.of("r1")).reply();
        var lateCopy = table.<Outcome>runCommand(replyTo -> new TableMessage.Change(
                new Command.AddPlayer("Ari"), TOKEN, Optional.of("r1"), NOW.minusMillis(1), replyTo));
        assertThat(lateCopy.hasNoEvents()).isTrue();
        assertThat(lateCopy.reply())
                .isInstanceOfSatisfying(
                        Outcome.Done.class,
                        done -> assertThat(done.events()).isEqualTo(((Outcome.Done) first).events()));
    }

    @Test
    void aCopyOfAnOpenThatOpenedTheTableIsAnsweredAsDoneEvenPastTheDeadline() {
        open();
        var lateCopy = table.<Outcome>runCommand(replyTo -> new TableMessage.Open(
                new Command.OpenTable("Friday", "USD", new BigDecimal("20.00"), 100),
                ManageToken.hash(TOKEN),
                NOW.minusSeconds(1),
                replyTo));
        assertThat(lateCopy.hasNoEvents()).isTrue();
        assertThat(lateCopy.reply()).isInstanceOfSatisfying(Outcome.Done.class, done -> {
            assertThat(done.canManage()).isTrue();
            assertThat(done.table().settings().name()).isEqualTo("Friday");
        });
    }

    private TableMessage.Change queued(Command command, Optional<String> requestId, TestProbe<Outcome> caller) {
        return new TableMessage.Change(command, TOKEN, requestId, caller.ref());
    }

    @Test
    void changesQueuedTogetherAreDecidedInOrderAndJournaledInOneWrite() {
        open();
        change(new Command.AddPlayer("Ari"), Optional.empty());
        TestProbe<TableMessage> intake = KIT.createTestProbe();
        TestProbe<Outcome> buyer = KIT.createTestProbe();
        TestProbe<Outcome> seller = KIT.createTestProbe();
        TestProbe<Outcome> joiner = KIT.createTestProbe();
        topics.receiveSeveralMessages(2);
        // The cash-out is only possible after the buy-in before it in the same batch.
        var result = table.runCommand(new TableMessage.Changes(
                7,
                List.of(
                        queued(new Command.BuyIn(1, 1), Optional.empty(), buyer),
                        queued(new Command.CashOut(1, 40), Optional.empty(), seller),
                        queued(new Command.AddPlayer("Bea"), Optional.empty(), joiner)),
                intake.ref()));
        assertThat(result.events())
                .extracting(e -> ((StoredEvent.Recorded) e).event().getClass().getSimpleName())
                .containsExactly("BoughtIn", "CashedOut", "PlayerJoined");
        // Each caller gets the table as its own change left it.
        assertThat(((Outcome.Done) buyer.receiveMessage()).table().version()).isEqualTo(3);
        assertThat(((Outcome.Done) seller.receiveMessage()).table().version()).isEqualTo(4);
        assertThat(((Outcome.Done) joiner.receiveMessage()).table().version()).isEqualTo(5);
        assertThat(intake.receiveMessage()).isEqualTo(new TableMessage.Written(7));
        // Listeners hear once, of the last version.
        assertThat(topics.expectMessageClass(TableTopics.Publish.class).change())
                .isEqualTo(new TableChanged("table-1", 5));
        topics.expectNoMessage(Duration.ofMillis(100));
    }

    @Test
    void aFailedWriteAnswersNothingThatWasDecidedAgainstIt() {
        open();
        change(new Command.AddPlayer("Ari"), Optional.empty());
        TestProbe<TableMessage> intake = KIT.createTestProbe();
        TestProbe<Outcome> before = KIT.createTestProbe();
        TestProbe<Outcome> buyer = KIT.createTestProbe();
        TestProbe<Outcome> after = KIT.createTestProbe();
        table.persistenceTestKit().failNextPersisted();
        table.runCommand(new TableMessage.Changes(
                1,
                List.of(
                        // Refused against the journaled table: answered at once, whatever the write does.
                        queued(new Command.CashOut(1, 10), Optional.of("early"), before),
                        queued(new Command.BuyIn(1, 1), Optional.of("buy"), buyer),
                        // Refused against a table with the buy-in that is not journaled yet: waits for the write.
                        queued(new Command.AddPlayer("Ari"), Optional.of("late"), after)),
                intake.ref()));
        assertThat(before.receiveMessage()).isEqualTo(new Outcome.Refused(new Rejection.NotEnoughChipsOnTable(10, 0)));
        buyer.expectNoMessage(Duration.ofMillis(200));
        after.expectNoMessage(Duration.ofMillis(10));
        // The table restarted from its journal and forgot nothing it should not have: the later refusal is decided
        // afresh, the buy-in was never recorded.
        var retry = change(new Command.AddPlayer("Ari"), Optional.of("late"));
        assertThat(retry.reply()).isInstanceOf(Outcome.Refused.class);
        assertThat(retry.state().table().orElseThrow().entries()).isEmpty();
    }

    @Test
    void aRequestIdRepeatedInOneBatchGetsTheFirstAnswerAndRecordsOnce() {
        open();
        change(new Command.AddPlayer("Ari"), Optional.empty());
        TestProbe<TableMessage> intake = KIT.createTestProbe();
        TestProbe<Outcome> first = KIT.createTestProbe();
        TestProbe<Outcome> retry = KIT.createTestProbe();
        TestProbe<Outcome> refused = KIT.createTestProbe();
        TestProbe<Outcome> refusedAgain = KIT.createTestProbe();
        TestProbe<Outcome> reused = KIT.createTestProbe();
        var result = table.runCommand(new TableMessage.Changes(
                1,
                List.of(
                        queued(new Command.BuyIn(1, 1), Optional.of("a"), first),
                        queued(new Command.CashOut(1, 500), Optional.of("b"), refused),
                        queued(new Command.BuyIn(1, 1), Optional.of("a"), retry),
                        // Would pass now (two buy-ins are not enough for 500, but the refusal stands either way).
                        queued(new Command.CashOut(1, 500), Optional.of("b"), refusedAgain),
                        queued(new Command.BuyIn(1, 2), Optional.of("a"), reused)),
                intake.ref()));
        assertThat(result.events()).hasSize(1);
        Outcome.Done done = (Outcome.Done) first.receiveMessage();
        assertThat(((Outcome.Done) retry.receiveMessage()).events()).isEqualTo(done.events());
        Outcome no = refused.receiveMessage();
        assertThat(no).isInstanceOf(Outcome.Refused.class);
        assertThat(refusedAgain.receiveMessage()).isEqualTo(no);
        assertThat(reused.receiveMessage()).isEqualTo(new Outcome.RequestIdReused("a"));
    }

    @Test
    void aLateChangeInABatchIsDroppedAndTheOthersAreRecorded() {
        open();
        TestProbe<TableMessage> intake = KIT.createTestProbe();
        TestProbe<Outcome> onTime = KIT.createTestProbe();
        TestProbe<Outcome> late = KIT.createTestProbe();
        var result = table.runCommand(new TableMessage.Changes(
                1,
                List.of(
                        new TableMessage.Change(
                                new Command.AddPlayer("Late"), TOKEN, Optional.empty(), NOW.minusMillis(1), late.ref()),
                        queued(new Command.AddPlayer("Ari"), Optional.empty(), onTime)),
                intake.ref()));
        assertThat(result.events()).hasSize(1);
        assertThat(((Outcome.Done) onTime.receiveMessage()).table().players())
                .extracting(p -> p.name())
                .containsExactly("Ari");
        late.expectNoMessage(Duration.ofMillis(100));
        assertThat(intake.receiveMessage()).isEqualTo(new TableMessage.Written(1));
    }

    @Test
    void changesForATableNeverOpenedAreNotFoundAndStopTheProcess() {
        TestProbe<TableMessage> intake = KIT.createTestProbe();
        TestProbe<Outcome> caller = KIT.createTestProbe();
        var result = table.runCommand(new TableMessage.Changes(
                3, List.of(queued(new Command.AddPlayer("Ari"), Optional.empty(), caller)), intake.ref()));
        assertThat(result.hasNoEvents()).isTrue();
        assertThat(caller.receiveMessage()).isEqualTo(new Outcome.NotFound());
        assertThat(intake.receiveMessage()).isEqualTo(new TableMessage.Written(3));
        assertThat(shard.expectMessageClass(ClusterSharding.Passivate.class)).isNotNull();
    }
}

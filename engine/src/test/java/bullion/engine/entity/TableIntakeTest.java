package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.engine.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The intake in front of a table, with a probe standing in for the table: what it hands over, and when. */
class TableIntakeTest {

    private static final ActorTestKit KIT = ActorTestKit.create(LocalTestConfig.withInMemoryJournal());

    private TestProbe<TableMessage> table;
    private ActorRef<TableMessage> intake;
    private TestProbe<Outcome> caller;

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @BeforeEach
    void start() {
        table = KIT.createTestProbe();
        caller = KIT.createTestProbe();
        intake = KIT.spawn(TableIntake.create(
                self -> Behaviors.monitor(TableMessage.class, table.ref(), Behaviors.<TableMessage>ignore())));
    }

    private TableMessage.Change change(String name) {
        return new TableMessage.Change(new Command.AddPlayer(name), "token", Optional.empty(), caller.ref());
    }

    private static List<String> names(TableMessage.Changes changes) {
        return changes.changes().stream()
                .map(c -> ((Command.AddPlayer) c.command()).name())
                .toList();
    }

    @Test
    void changesWaitUntilTheTableIsReadyThenGoTogether() {
        intake.tell(change("A"));
        intake.tell(change("B"));
        table.expectNoMessage(Duration.ofMillis(100));
        intake.tell(new TableMessage.Ready());
        TableMessage.Changes first = table.expectMessageClass(TableMessage.Changes.class);
        assertThat(names(first)).containsExactly("A", "B");
    }

    @Test
    void changesThatArriveWhileABatchIsBeingWrittenGoTogetherOnceItIsWritten() {
        intake.tell(new TableMessage.Ready());
        intake.tell(change("A"));
        TableMessage.Changes first = table.expectMessageClass(TableMessage.Changes.class);
        assertThat(names(first)).containsExactly("A");
        intake.tell(change("B"));
        intake.tell(change("C"));
        intake.tell(change("D"));
        table.expectNoMessage(Duration.ofMillis(100));
        // An answer for another batch (a stale one) changes nothing.
        intake.tell(new TableMessage.Written(first.batch() + 100));
        table.expectNoMessage(Duration.ofMillis(100));
        intake.tell(new TableMessage.Written(first.batch()));
        TableMessage.Changes second = table.expectMessageClass(TableMessage.Changes.class);
        assertThat(names(second)).containsExactly("B", "C", "D");
        assertThat(second.batch()).isNotEqualTo(first.batch());
    }

    @Test
    void viewsAndOpensPassStraightThroughWhileChangesWait() {
        intake.tell(new TableMessage.Ready());
        intake.tell(change("A"));
        table.expectMessageClass(TableMessage.Changes.class);
        intake.tell(change("B"));
        TableMessage.View view = new TableMessage.View(Optional.empty(), caller.ref());
        intake.tell(view);
        assertThat(table.receiveMessage()).isEqualTo(view);
    }

    @Test
    void changesGivenBackAfterAFaultGoFirstOnceTheTableIsReadyAgain() {
        intake.tell(new TableMessage.Ready());
        intake.tell(change("A"));
        TableMessage.Changes first = table.expectMessageClass(TableMessage.Changes.class);
        intake.tell(change("C"));
        intake.tell(new TableMessage.Returned(List.of(change("B"))));
        table.expectNoMessage(Duration.ofMillis(100));
        intake.tell(new TableMessage.Ready());
        TableMessage.Changes again = table.expectMessageClass(TableMessage.Changes.class);
        assertThat(names(again)).containsExactly("B", "C");
        assertThat(again.batch()).isNotEqualTo(first.batch());
    }

    @Test
    void aBatchHoldsAtMostTheLimit() {
        intake.tell(change("first"));
        for (int i = 0; i < TableIntake.MAX_BATCH + 5; i++) {
            intake.tell(change("n" + i));
        }
        intake.tell(new TableMessage.Ready());
        TableMessage.Changes full = table.expectMessageClass(TableMessage.Changes.class);
        assertThat(full.changes()).hasSize(TableIntake.MAX_BATCH);
        intake.tell(new TableMessage.Written(full.batch()));
        assertThat(table.expectMessageClass(TableMessage.Changes.class).changes())
                .hasSize(6);
    }
}

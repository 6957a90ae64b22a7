package bullion.engine;

import bullion.core.Command;
import bullion.core.group.GroupCommand;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Plays nights of a group through the facades, as a host would: every change to a group's table is made with the
 * group's token (which manages its tables).
 */
public final class GroupNights {

    private final TableSystem system;

    public GroupNights(TableSystem system) {
        this.system = system;
    }

    public Groups.Created group(String name) {
        Groups.Created created = Await.result(system.groups().create(name, "USD"));
        if (!(created.outcome() instanceof GroupOutcome.Done)) {
            throw new AssertionError("group not created: " + created.outcome());
        }
        return created;
    }

    /** A player's night: their name, standard buy-ins of $10 (10 chips each), and the chips they cash out. */
    public record Seat(String name, long buyIns, long chipsOut) {}

    /** Opens a table in the group, plays the seats (chips cashed out must add up to chips bought) and closes it. */
    public TableId closedNight(Groups.Created group, String tableName, List<Seat> seats) {
        TableId id = openedNight(group, tableName, seats);
        Await.done(system.tables().close(id, group.manageToken(), Optional.empty()));
        return id;
    }

    /** As {@link #closedNight}, left open. */
    public TableId openedNight(Groups.Created group, String tableName, List<Seat> seats) {
        Groups.TableInGroup opened = Await.result(system.groups()
                .openTable(
                        group.id(), group.manageToken(), new Command.OpenTable(tableName, "USD", BigDecimal.TEN, 10)));
        if (!(opened instanceof Groups.TableInGroup.Opened table)) {
            throw new AssertionError("table not opened in the group: " + opened);
        }
        TableId id = table.table().id();
        String token = group.manageToken();
        for (Seat seat : seats) {
            Outcome.Done joined = Await.done(system.tables().addPlayer(id, token, seat.name(), Optional.empty()));
            int playerId = joined.table().players().getLast().id();
            if (seat.buyIns() > 0) {
                Await.done(system.tables().buyIn(id, token, playerId, seat.buyIns(), Optional.empty()));
            }
        }
        for (int i = 0; i < seats.size(); i++) {
            if (seats.get(i).chipsOut() > 0) {
                Await.done(
                        system.tables().cashOut(id, token, i + 1, seats.get(i).chipsOut(), Optional.empty()));
            }
        }
        return id;
    }

    public GroupOutcome.Done rename(Groups.Created group, int memberId, String name) {
        return done(
                system.groups().change(group.id(), group.manageToken(), new GroupCommand.RenameMember(memberId, name)));
    }

    public GroupOutcome.Done merge(Groups.Created group, int memberId, int into) {
        return done(
                system.groups().change(group.id(), group.manageToken(), new GroupCommand.MergeMember(memberId, into)));
    }

    private static GroupOutcome.Done done(java.util.concurrent.CompletionStage<GroupOutcome> stage) {
        GroupOutcome outcome = Await.result(stage);
        if (outcome instanceof GroupOutcome.Done done) {
            return done;
        }
        throw new AssertionError("expected Done, got " + outcome);
    }
}

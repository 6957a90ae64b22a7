package bullion.web;

import bullion.core.Command;
import bullion.core.Rejection;
import bullion.core.group.GroupCommand;
import bullion.engine.GroupId;
import bullion.engine.GroupOutcome;
import bullion.engine.Groups;
import bullion.engine.Outcome;
import bullion.engine.Tables;
import bullion.engine.standings.StandingsStore;
import java.util.Optional;
import java.util.function.Function;

/**
 * The groups facade called straight, as {@link TableCalls} calls the tables': a handler waits (bounded by the
 * facade's ask timeout) and gets the group or an {@link HttpFailure}. Pages and API share it.
 */
public final class GroupCalls {

    private final Groups groups;
    private final TableCalls tables;

    public GroupCalls(Groups groups, TableCalls tables) {
        this.groups = groups;
        this.tables = tables;
    }

    /** A new group; {@code field} places a rejection on the page's form (empty for the API). */
    public Groups.Created create(String name, String currency, Function<Rejection, Optional<String>> field) {
        // A group is a stored process like a table: it counts against the same global allowance of opens.
        tables.takeOpen();
        Groups.Created created = TableCalls.await(groups.create(name, currency));
        if (created.outcome() instanceof GroupOutcome.Refused refused) {
            throw HttpFailure.rejected(refused.why(), field.apply(refused.why()));
        }
        done(created.outcome(), created.id(), Optional.empty());
        return created;
    }

    /** The group and its standings as the read side has them now. */
    public Groups.WithStandings standings(GroupId id, Optional<String> manageToken) {
        try {
            return TableCalls.await(groups.standings(id, manageToken))
                    .orElseThrow(() -> new HttpFailure(404, "There is no group " + id.value() + "."));
        } catch (StandingsStore.Unavailable e) {
            throw new HttpFailure(
                    503,
                    "The standings cannot be read just now; try again in a moment.",
                    Optional.empty(),
                    Optional.empty(),
                    java.util.Map.of("Retry-After", String.valueOf(HttpFailure.RETRY_AFTER_SECONDS)));
        }
    }

    public GroupOutcome.Done change(GroupId id, String token, GroupCommand command, Optional<String> field) {
        return done(TableCalls.await(groups.change(id, token, command)), id, field);
    }

    /** A table opened in the group with the group's token; refused like a table's open, or as the group refuses. */
    public Tables.Opened openTable(
            GroupId id, String token, Command.OpenTable command, Function<Rejection, Optional<String>> field) {
        tables.takeOpen();
        Groups.TableInGroup result = TableCalls.await(groups.openTable(id, token, command));
        return switch (result) {
            case Groups.TableInGroup.Refused refused -> {
                if (refused.why() instanceof GroupOutcome.Refused r) {
                    throw HttpFailure.rejected(r.why(), field.apply(r.why()));
                }
                done(refused.why(), id, Optional.empty());
                throw new IllegalStateException("a refusal that refused nothing: " + refused.why());
            }
            case Groups.TableInGroup.Opened opened -> {
                if (opened.table().outcome() instanceof Outcome.Refused r) {
                    throw HttpFailure.rejected(r.why(), field.apply(r.why()));
                }
                yield opened.table();
            }
        };
    }

    private static GroupOutcome.Done done(GroupOutcome outcome, GroupId id, Optional<String> field) {
        return switch (outcome) {
            case GroupOutcome.Done done -> done;
            case GroupOutcome.Refused refused -> throw HttpFailure.rejected(refused.why(), field);
            case GroupOutcome.NotFound notFound -> throw new HttpFailure(404, "There is no group " + id.value() + ".");
            case GroupOutcome.Forbidden forbidden ->
                throw new HttpFailure(403, "The manage token does not match this group.");
        };
    }
}

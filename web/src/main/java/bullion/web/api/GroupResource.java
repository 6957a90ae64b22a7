package bullion.web.api;

import bullion.core.Command;
import bullion.core.group.GroupCommand;
import bullion.engine.GroupId;
import bullion.engine.Groups;
import bullion.engine.Outcome;
import bullion.engine.Tables;
import bullion.web.GroupCalls;
import bullion.web.HttpFailure;
import bullion.web.Input;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;

/**
 * The groups' routes of the JSON API, each a read-call-render like the tables': create a group, read it with its
 * standings, open a table in it with its token, rename and merge members. Answers and problems are written as
 * {@link ApiRoutes} writes them.
 */
final class GroupResource {

    private final GroupCalls calls;

    private GroupResource(GroupCalls calls) {
        this.calls = calls;
    }

    static void register(RoutesConfig routes, GroupCalls calls) {
        GroupResource groups = new GroupResource(calls);
        routes.post("/api/groups", groups::create);
        routes.get("/api/groups/{id}", ctx -> groups.sendGroup(ctx, 200, Input.groupId(ctx)));
        routes.post("/api/groups/{id}/tables", groups::openTable);
        routes.patch(
                "/api/groups/{id}/members/{memberId}",
                ctx -> groups.change(
                        ctx, body -> new GroupCommand.RenameMember(Input.memberId(ctx), body.requiredText("name"))));
        routes.post(
                "/api/groups/{id}/members/{memberId}/merge",
                ctx -> groups.change(ctx, body -> new GroupCommand.MergeMember(Input.memberId(ctx), intoMember(body))));
    }

    /** {@code {"name","currency"}}: 201 with the id and the manage token, shown this once. */
    private void create(Context ctx) throws IOException {
        JsonBody body = JsonBody.of(ctx);
        String name = body.requiredText("name");
        String currency = body.requiredText("currency");
        Groups.Created created = calls.create(name, currency, why -> Optional.empty());
        String id = created.id().value();
        ctx.header("Location", "/api/groups/" + id);
        ctx.header("Cache-Control", "no-store");
        ApiRoutes.send(
                ctx,
                201,
                GroupJson.created(
                        id, ((bullion.engine.GroupOutcome.Done) created.outcome()).group(), created.manageToken()));
    }

    /**
     * A table's body as {@code POST /api/tables} takes it (the currency may be left out: the group's), opened in the
     * group with the group's token; 201 as for a table, with its {@code groupId}. Its manage token and the group's
     * both manage it.
     */
    private void openTable(Context ctx) throws IOException {
        GroupId id = Input.groupId(ctx);
        String token = ApiRoutes.bearerToken(ctx);
        JsonBody body = JsonBody.of(ctx);
        Command.OpenTable command = body.openTable(Optional.empty());
        Tables.Opened opened = calls.openTable(id, token, command, why -> Optional.empty());
        String tableId = opened.id().value();
        ctx.header("Location", "/api/tables/" + tableId);
        ctx.header("Cache-Control", "no-store");
        Outcome.Done done = (Outcome.Done) opened.outcome();
        ApiRoutes.send(ctx, 201, TableJson.created(tableId, done.table(), opened.manageToken(), done.groupId()));
    }

    private void change(Context ctx, java.util.function.Function<JsonBody, GroupCommand> read) throws IOException {
        GroupId id = Input.groupId(ctx);
        String token = ApiRoutes.bearerToken(ctx);
        GroupCommand command = read.apply(JsonBody.of(ctx));
        calls.change(id, token, command, Optional.empty());
        sendGroup(ctx, 200, id);
    }

    private void sendGroup(Context ctx, int status, GroupId id) throws IOException {
        ApiRoutes.send(ctx, status, GroupJson.group(id.value(), calls.standings(id, Optional.empty())));
    }

    private static int intoMember(JsonBody body) {
        long into = body.requiredWholeNumber("into");
        if (into != (int) into) {
            throw new HttpFailure(400, "\"into\" is a member id, not " + into + ".");
        }
        return (int) into;
    }
}

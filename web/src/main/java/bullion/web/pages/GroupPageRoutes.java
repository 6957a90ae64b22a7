package bullion.web.pages;

import bullion.core.Command;
import bullion.core.group.GroupCommand;
import bullion.engine.GroupId;
import bullion.engine.Groups;
import bullion.engine.Tables;
import bullion.web.GroupCalls;
import bullion.web.HttpFailure;
import bullion.web.Input;
import bullion.web.PublicUrl;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The group pages: start a group (from the home page), its view-only page {@code /g/{id}}, its manage page
 * {@code /g/{id}/manage?token=…} with the form that opens a table in the group, and renaming and merging members.
 * Each a straight read-call-render with Post/Redirect/Get. A refused form is the error page with the refusal's
 * sentence (the group page does not redraw its forms with the error beside a control).
 */
public final class GroupPageRoutes {

    private static final HttpFailure WRONG_TOKEN = new HttpFailure(403, "The manage token does not match this group.");

    private final GroupCalls calls;

    public GroupPageRoutes(GroupCalls calls) {
        this.calls = calls;
    }

    public void register(RoutesConfig routes) {
        routes.post("/groups", this::create);
        routes.get("/g/{id}", ctx -> show(ctx, ""));
        routes.get("/g/{id}/manage", ctx -> show(ctx, String.valueOf(ctx.queryParam("token"))));
        routes.post("/g/{id}/tables", this::openTable);
        routes.post(
                "/g/{id}/members/{memberId}/rename",
                ctx -> change(ctx, new GroupCommand.RenameMember(Input.memberId(ctx), Form.text(ctx, "name"))));
        routes.post(
                "/g/{id}/members/{memberId}/merge",
                ctx -> change(
                        ctx, new GroupCommand.MergeMember(Input.memberId(ctx), memberNumber(Form.text(ctx, "into")))));
    }

    private void create(Context ctx) {
        Groups.Created created =
                calls.create(Form.text(ctx, "name"), Form.text(ctx, "currency").strip(), why -> Optional.empty());
        ctx.header("Cache-Control", "no-store"); // its Location carries the manage token
        ctx.redirect(GroupPage.managePath(created.id().value(), created.manageToken()), HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, String token) throws IOException {
        GroupId id = Input.groupId(ctx);
        Groups.WithStandings with = calls.standings(id, token.isEmpty() ? Optional.empty() : Optional.of(token));
        if (!token.isEmpty() && !with.group().canManage()) {
            throw WRONG_TOKEN;
        }
        if (!token.isEmpty()) {
            ctx.header("Cache-Control", "no-store");
        }
        GroupPage page =
                GroupPage.of(id, with, token, PublicUrl.of(ctx), MoneyText.reader(ctx.header("Accept-Language")));
        HtmlPages.write(ctx, "group.jte", page);
    }

    /** Opens a table in the group with the group's token and goes to its manage page, which that token opens. */
    private void openTable(Context ctx) {
        GroupId id = Input.groupId(ctx);
        String token = Form.token(ctx);
        BigDecimal price = Form.decimal(Form.text(ctx, "price"))
                .orElseThrow(() -> formProblem("Enter the buy-in price as a number, like 20 or 12.50."));
        long chips = wholeNumber(Form.text(ctx, "chips"), "the chips per buy-in");
        Tables.Opened opened = calls.openTable(
                id,
                token,
                new Command.OpenTable(
                        Form.text(ctx, "name"), null, price, chips, PaymentRoutes.paid(ctx, "defaultPaid")),
                why -> Optional.empty());
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(Links.managePath(opened.id(), token), HttpStatus.SEE_OTHER);
    }

    private void change(Context ctx, GroupCommand command) {
        GroupId id = Input.groupId(ctx);
        String token = Form.token(ctx);
        calls.change(id, token, command, Optional.empty());
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(GroupPage.managePath(id.value(), token), HttpStatus.SEE_OTHER);
    }

    private static int memberNumber(String text) {
        long id = wholeNumber(text, "the member to merge into");
        if (id != (int) id) {
            throw formProblem("There is no member " + id + ".");
        }
        return (int) id;
    }

    private static long wholeNumber(String text, String what) {
        return Form.wholeNumber(text)
                .orElseThrow(() -> formProblem(
                        "Enter " + what + " as a whole number, not \"" + Input.shortened(text, 40) + "\"."));
    }

    /**
     * A form's content refused before the core sees it: 400 with the sentence shown on the error page (named as a
     * form's own refusal, since no core rejection applies).
     */
    private static HttpFailure formProblem(String sentence) {
        return new HttpFailure(400, sentence, Optional.of("GroupFormInput"), Optional.empty(), Map.of());
    }
}

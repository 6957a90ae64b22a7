package bullion.web.pages;

import bullion.core.BuyInSize;
import bullion.core.Command;
import bullion.core.Rejection;
import bullion.core.Table;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.Tables;
import bullion.web.HttpFailure;
import bullion.web.Input;
import bullion.web.ResponseBody;
import bullion.web.TableCalls;
import bullion.web.live.TableFeed;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTML pages' routes, each a straight read-call-render, and how pages answer: a table page or its board, a
 * change by Post/Redirect/Get (the board for htmx), a failure as a page in plain words or, when a form's content
 * was refused, that form shown again with 422 and the sentence beside its control. Templates are precompiled at
 * build time (jte-maven-plugin) with HTML auto-escaping on, so everything a user typed is shown as text.
 */
public final class PageRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(PageRoutes.class);

    private static final Map<Integer, ErrorPage> PAGES = Map.of(
            400, new ErrorPage(400, "That request did not make sense", "Go back and try again."),
            403,
                    new ErrorPage(
                            403,
                            "Not allowed from here",
                            "This page cannot change the table. Changes need the table's manage link, used on this site."),
            404,
                    new ErrorPage(
                            404,
                            "No such table or page",
                            "Check the link: a table's link looks like /t/ followed by 22 letters and digits."),
            405, new ErrorPage(405, "That cannot be done here", "Go back and try again."),
            413, new ErrorPage(413, "That was too much to send", "Send less text and try again."),
            415, new ErrorPage(415, "That kind of form is not accepted", "Use the forms on these pages and try again."),
            429, new ErrorPage(429, "Too many requests", "Wait a moment, then try again."),
            500,
                    new ErrorPage(
                            500,
                            "Something went wrong on our side",
                            "Nothing you did caused this. Try again in a moment."),
            // A form's request id is in its body: reloading this page sends the same form, which is recorded at most
            // once.
            503,
                    new ErrorPage(
                            503,
                            "Bullion is busy",
                            "Nothing was recorded: a table did not answer in time. In a moment, "
                                    + "reload this page to send the same form again; it is recorded at most once."));

    /** A table id alone, or anywhere in a pasted link, with the manage token if the link has one. */
    private static final Pattern LINK =
            Pattern.compile("(?:^|/t/)([A-Za-z0-9_-]{22})(?:/manage\\?token=([A-Za-z0-9_-]+))?(?:[/?#].*)?$");

    private static final HttpFailure WRONG_TOKEN = new HttpFailure(403, "The manage token does not match this table.");
    private static final HttpFailure WRONG_LINK = new HttpFailure(
            403,
            "This manage link is not right: its secret part " + "does not match. Ask the host for the link again.",
            Optional.empty(),
            Optional.of("token"),
            Map.of());

    /** The cookies that carry a refused form across a redirect: the home page's, and a table's manage page's. */
    private static final String OPEN_REFUSED = "bullion-refused-open";

    private static final String TABLE_REFUSED = "bullion-refused";

    final TableCalls calls;
    private final RenderedPages rendered = new RenderedPages();

    public PageRoutes(TableCalls calls) {
        this.calls = calls;
    }

    public void register(RoutesConfig routes, TableFeed feed) {
        routes.get(
                "/",
                ctx -> HtmlPages.write(ctx, "home.jte", HomePage.after(RefusedForm.take(ctx, OPEN_REFUSED, "/", "/"))));
        routes.post("/tables", this::open);
        routes.get("/open", PageRoutes::go);
        routes.get("/t/{id}", ctx -> render(ctx, page(ctx, Optional.empty(), WRONG_TOKEN), 200));
        routes.get(
                "/t/{id}/manage",
                ctx -> render(
                        ctx,
                        page(
                                ctx,
                                Optional.of(Optional.ofNullable(ctx.queryParam("token"))
                                        .orElse("")),
                                WRONG_LINK),
                        200));
        // The board alone, for live pages, with its version so bullion.js can skip a refresh that shows nothing new.
        routes.get("/t/{id}/fragment", ctx -> {
            Shown page = page(ctx, Optional.ofNullable(ctx.queryParam("token")), WRONG_TOKEN);
            ctx.header("Bullion-Version", String.valueOf(page.table().version()));
            show(ctx, "board.jte", page);
        });
        routes.get("/t/{id}/ledger.csv", ctx -> {
            TableId id = Input.tableId(ctx);
            Outcome.Done done = calls.view(id, Optional.empty());
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"bullion-" + id.value() + ".csv\"");
            ctx.result(LedgerCsv.of(done.table()));
        });
        routes.get("/t/{id}/live", ctx -> feed.stream(ctx, calls, Input.tableId(ctx)));
        // The manage page's QR code of the view-only link: no secret in it, so any cache may keep it for a day.
        routes.get("/t/{id}/qr.svg", ctx -> {
            TableId id = Input.tableId(ctx);
            calls.view(id, Optional.empty()); // a table that does not exist has no code: 404
            ctx.contentType("image/svg+xml");
            ctx.header("Cache-Control", "public, max-age=86400");
            ResponseBody.write(ctx, QrCodeImage.svg(Links.of(ctx, id).viewUrl()));
        });
        routes.post("/t/{id}/close", ctx -> change(ctx, PaymentRoutes.closing(ctx), "status"));
        routes.post("/t/{id}/reopen", ctx -> change(ctx, new Command.ReopenTable(), "status"));
        routes.post("/t/{id}/players", ctx -> change(ctx, new Command.AddPlayer(Form.text(ctx, "name")), "add-player"));
        routes.post("/t/{id}/players/{playerId}/buy-ins", ctx -> {
            // One standard buy-in unless the form says how many: the +Buy-in button is a single tap.
            String field = "buy-in:" + Input.playerId(ctx);
            String count = Form.text(ctx, "count");
            long buyIns = count.isBlank()
                    ? 1
                    : Form.wholeNumber(count)
                            .orElseThrow(
                                    () -> HttpFailure.at(field, "Enter how many buy-ins as a whole number, like 1."));
            change(ctx, PaymentRoutes.buyIn(ctx, Input.playerId(ctx), new BuyInSize.Count(buyIns)), field);
        });
        routes.post("/t/{id}/players/{playerId}/cash-outs", ctx -> {
            String field = "cash-out:" + Input.playerId(ctx);
            long chips = Form.wholeNumber(Form.text(ctx, "chips"))
                    .orElseThrow(() -> HttpFailure.at(field, "Enter the chips counted as a whole number, like 340."));
            change(ctx, new Command.CashOut(Input.playerId(ctx), chips), field);
        });
        // A voided entry stays in the ledger, struck through, and stops counting.
        routes.post("/t/{id}/entries/{seq}/void", ctx -> {
            Optional<String> reason =
                    Optional.of(Form.text(ctx, "reason").strip()).filter(r -> !r.isEmpty());
            change(ctx, new Command.VoidEntry(Input.seq(ctx), reason), "void:" + Input.seq(ctx));
        });
        PaymentRoutes.register(routes, this);
    }

    private void open(Context ctx) {
        HomePage typed = typed(ctx);
        BigDecimal price = Form.decimal(typed.price())
                .orElseThrow(() -> HttpFailure.at("price", "Enter the buy-in price as a number, like 20 or 12.50."));
        long chips = Form.wholeNumber(typed.chips())
                .orElseThrow(() -> HttpFailure.at("chips", "Enter the chips per buy-in as a whole number, like 200."));
        Tables.Opened opened = calls.open(
                new Command.OpenTable(
                        typed.name(), typed.currency(), price, chips, PaymentRoutes.paid(ctx, "defaultPaid")),
                why -> Optional.of(fieldOf(why)));
        ctx.header("Cache-Control", "no-store"); // its Location carries the manage token
        ctx.redirect(Links.managePath(opened.id(), opened.manageToken()), HttpStatus.SEE_OTHER);
    }

    /** Goes to the table a pasted link or id names: its manage page if the link has the token. */
    private static void go(Context ctx) {
        Matcher m = LINK.matcher(typed(ctx).link());
        if (!m.find() || TableId.parse(m.group(1)).isEmpty()) {
            throw HttpFailure.at("link", "Paste a table's link, or its 22-character id.");
        }
        TableId id = TableId.parse(m.group(1)).get();
        ctx.redirect(m.group(2) == null ? Links.viewPath(id) : Links.managePath(id, m.group(2)), HttpStatus.SEE_OTHER);
    }

    /**
     * A table page to show: the table, the links as this reader sees them, the manage token when the caller gave the
     * right one, and a refusal to show beside its form.
     */
    private record Shown(TableId id, Table table, Links links, Optional<String> token, RefusedForm refused) {}

    /** The view-only page without a token, the manage page with the right one, {@code wrongToken} with another. */
    private Shown page(Context ctx, Optional<String> token, HttpFailure wrongToken) {
        TableId id = Input.tableId(ctx);
        Outcome.Done done = calls.view(id, token);
        if (token.isPresent() && !done.canManage()) {
            throw wrongToken;
        }
        // Only the manage page itself shows (and so uses up) a refusal a form without JavaScript was redirected with.
        RefusedForm refused = token.isPresent() && ctx.path().endsWith("/manage")
                ? RefusedForm.take(ctx, TABLE_REFUSED, Links.viewPath(id), id.value())
                : RefusedForm.NONE;
        return new Shown(id, done.table(), Links.of(ctx, id), token, refused);
    }

    /** The table page, or only its board for htmx. */
    private void render(Context ctx, Shown page, int status) throws IOException {
        ctx.status(status);
        show(ctx, "true".equals(ctx.header("HX-Request")) ? "board.jte" : "table.jte", page);
    }

    /** A page with a refusal is rendered for this answer alone; any other is rendered once per table version. */
    private void show(Context ctx, String template, Shown page) throws IOException {
        if (page.token().isPresent()) {
            // The page carries the manage token: keep it out of every cache.
            ctx.header("Cache-Control", "no-store");
        }
        if (page.refused().equals(RefusedForm.NONE)) {
            RenderedPages.Variant variant = RenderedPages.Variant.of(
                    template, page.links(), page.token().orElse(""));
            HtmlPages.write(ctx, rendered.page(page.table(), variant));
            return;
        }
        HtmlPages.write(
                ctx,
                template,
                TablePage.manage(
                        page.id(), page.table(), page.links(), page.token().orElseThrow(), page.refused()));
    }

    /** A manage form's change: {@code field} is the control a rejection is shown beside. */
    void change(Context ctx, Command command, String field) throws IOException {
        TableId id = Input.tableId(ctx);
        String token = Form.token(ctx);
        Outcome.Done done = calls.change(id, token, command, Form.requestId(ctx), Optional.of(field));
        if ("true".equals(ctx.header("HX-Request"))) {
            render(ctx, new Shown(id, done.table(), Links.of(ctx, id), Optional.of(token), RefusedForm.NONE), 200);
        } else {
            ctx.redirect(Links.managePath(id, token), HttpStatus.SEE_OTHER);
        }
    }

    /** Answers {@code failure} for a person; never a stack trace. */
    public void failed(Context ctx, HttpResponseException failure) {
        try {
            answer(ctx, failure);
        } catch (IOException clientGone) {
            // Nothing more can reach the client; Javalin treats its own failed writes the same way.
            LOG.debug("the client went away before its error page was written", clientGone);
        }
    }

    private void answer(Context ctx, HttpResponseException failure) throws IOException {
        if (failure instanceof HttpFailure f
                && f.field().isPresent()
                && Set.of(400, 409, 422).contains(f.getStatus())) {
            try {
                refused(ctx, f);
                return;
            } catch (HttpResponseException whileShowingTheForm) {
                failure = whileShowingTheForm;
                ctx.status(failure.getStatus());
            }
        }
        int status = failure.getStatus();
        ErrorPage page = PAGES.getOrDefault(status, PAGES.get(status < 500 ? 400 : 500));
        // A sentence written for this request (the core's, or one about a field) replaces the status's explanation.
        boolean own = failure instanceof HttpFailure f
                && (f.rejection().isPresent() || f.field().isPresent());
        String message = own ? failure.getMessage() : page.message();
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("html")) {
            HtmlPages.write(ctx, "error.jte", new ErrorPage(status, page.title(), message));
        } else {
            ctx.result(message);
        }
    }

    /**
     * The form that was sent, shown again with the refusal beside {@code failure.field()} and what was typed. htmx
     * gets the board with 422 to swap in. A page without JavaScript is redirected (303) to the page the form was
     * on, the refusal in a short-lived cookie ({@link RefusedForm}): the address bar never stays on a URL that only
     * takes a POST, a reload does not send the form again, and the back button does not walk through refusals.
     * Refusals of a GET form (the go-to-a-table link) are shown at once: that URL can be reloaded.
     */
    private void refused(Context ctx, HttpFailure failure) throws IOException {
        String field = failure.field().orElseThrow();
        boolean htmx = "true".equals(ctx.header("HX-Request"));
        if (!ctx.pathParamMap().containsKey("id")) {
            if (ctx.method() == HandlerType.GET) {
                ctx.status(422);
                HtmlPages.write(ctx, "home.jte", typed(ctx).withError(field, failure.getMessage()));
                return;
            }
            RefusedForm.of(ctx, "/", field, failure.getMessage()).send(ctx, OPEN_REFUSED, "/");
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        TableId id = Input.tableId(ctx);
        String token = Form.token(ctx);
        Outcome.Done now = calls.view(id, Optional.of(token));
        if (!now.canManage()) {
            throw WRONG_TOKEN;
        }
        RefusedForm refusal = RefusedForm.of(ctx, id.value(), field, failure.getMessage());
        if (htmx) {
            render(ctx, new Shown(id, now.table(), Links.of(ctx, id), Optional.of(token), refusal), 422);
            return;
        }
        refusal.send(ctx, TABLE_REFUSED, Links.viewPath(id));
        ctx.header("Cache-Control", "no-store"); // its Location carries the manage token
        ctx.redirect(Links.managePath(id, token), HttpStatus.SEE_OTHER);
    }

    /** The home page with what this request typed: the open-a-table form's fields, or the link to go to. */
    private static HomePage typed(Context ctx) {
        if (ctx.method() == HandlerType.GET) {
            return HomePage.blank()
                    .withLink(String.valueOf(ctx.queryParam("link")).strip());
        }
        return HomePage.typed(
                Form.text(ctx, "name"),
                Form.text(ctx, "price"),
                Form.text(ctx, "chips"),
                Form.text(ctx, "currency").strip().toUpperCase(Locale.ROOT));
    }

    /** Which field of the open-a-table form a rejection is about. */
    private static String fieldOf(Rejection why) {
        return switch (why) {
            case Rejection.InvalidTableName r -> "name";
            case Rejection.UnknownCurrency r -> "currency";
            case Rejection.BuyInNotPositive r -> "price";
            case Rejection.BuyInTooPrecise r -> "price";
            case Rejection.BuyInTooLarge r -> "price";
            case Rejection.ChipsPerBuyInOutOfRange r -> "chips";
            default -> "form";
        };
    }
}

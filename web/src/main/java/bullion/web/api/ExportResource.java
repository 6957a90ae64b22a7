package bullion.web.api;

import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.backup.Backups;
import bullion.engine.backup.ExportRefused;
import bullion.engine.backup.TableExport;
import bullion.web.HttpFailure;
import bullion.web.Input;
import bullion.web.TableCalls;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * Backup and restore over HTTP: a table's export for whoever holds its manage token (the API with the bearer token, the
 * manage page's download link with the token in its query, as the manage page itself has it), and the import of an
 * export as a new table. An import answers like {@code POST /api/tables} (201, the new id and manage token, once) and
 * counts as a table opened against the limit of all clients together.
 */
public final class ExportResource {

    /** Where an export is posted back to; its body alone may be larger than the server's usual backstop. */
    public static final String IMPORT_PATH = "/api/tables/import";

    private static final Pattern JSON = Pattern.compile("application/json(;charset=\"?utf-8\"?)?");

    /** What each refusal is called in the problem's {@code rejection}, so scripts need not parse the sentence. */
    private static final Map<ExportRefused.Reason, String> NAMES = Map.of(
            ExportRefused.Reason.NOT_AN_EXPORT, "NotAnExport",
            ExportRefused.Reason.UNKNOWN_VERSION, "UnknownExportVersion",
            ExportRefused.Reason.MALFORMED, "ExportIncomplete",
            ExportRefused.Reason.DIGEST_MISMATCH, "ExportDigestMismatch",
            ExportRefused.Reason.DOES_NOT_REPLAY, "ExportDoesNotReplay",
            ExportRefused.Reason.TOO_LARGE, "ExportTooLarge");

    private final TableCalls calls;
    private final Backups backups;

    private ExportResource(TableCalls calls, Backups backups) {
        this.calls = calls;
        this.backups = backups;
    }

    public static void register(RoutesConfig routes, TableCalls calls, Backups backups) {
        ExportResource resource = new ExportResource(calls, backups);
        routes.get("/api/tables/{id}/export", ctx -> resource.export(ctx, ApiRoutes.bearerToken(ctx)));
        routes.get(
                "/t/{id}/export",
                ctx -> resource.export(
                        ctx, Optional.ofNullable(ctx.queryParam("token")).orElse("")));
        routes.post(IMPORT_PATH, resource::importTable);
    }

    private void export(Context ctx, String token) {
        TableId id = Input.tableId(ctx);
        Outcome.Done done = calls.view(id, Optional.of(token));
        if (!done.canManage()) {
            throw new HttpFailure(403, "The manage token does not match this table.");
        }
        TableExport export = TableCalls.await(backups.export(id))
                .orElseThrow(() -> new HttpFailure(404, "There is no table " + id.value() + "."));
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"bullion-" + id.value() + ".json\"");
        ctx.status(200).contentType("application/json").result(export.toJson());
    }

    private void importTable(Context ctx) throws IOException {
        String type = String.valueOf(ctx.header("Content-Type"))
                .toLowerCase(Locale.ROOT)
                .replace(" ", "");
        if (!JSON.matcher(type).matches()) {
            throw new HttpFailure(415, "Send the export file as the body, with Content-Type: application/json.");
        }
        byte[] file = body(ctx);
        calls.takeOpen();
        Backups.Imported imported;
        try {
            imported = TableCalls.await(backups.importTable(file));
        } catch (CompletionException e) {
            throw e.getCause() instanceof ExportRefused refused ? refusal(refused) : e;
        } catch (ExportRefused refused) {
            throw refusal(refused);
        }
        String id = imported.id().value();
        ctx.header("Location", "/api/tables/" + id);
        ctx.header("Cache-Control", "no-store"); // the answer carries the manage token
        ApiRoutes.send(ctx, 201, TableJson.created(id, imported.table(), imported.manageToken()));
    }

    /** The body, read no further than {@link TableExport#MAX_BYTES} (413 past it, whatever Content-Length said). */
    private static byte[] body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > TableExport.MAX_BYTES) {
            throw refusal(new ExportRefused(ExportRefused.Reason.TOO_LARGE, TableExport.tooLarge(declared)));
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(TableExport.MAX_BYTES + 1);
            if (bytes.length > TableExport.MAX_BYTES) {
                throw refusal(new ExportRefused(
                        ExportRefused.Reason.TOO_LARGE, TableExport.tooLarge(TableExport.MAX_BYTES + 1L)));
            }
            return bytes;
        } catch (IOException e) {
            throw new HttpFailure(400, "The export file did not arrive whole: " + e.getMessage());
        }
    }

    private static HttpFailure refusal(ExportRefused refused) {
        return new HttpFailure(
                refused.reason() == ExportRefused.Reason.TOO_LARGE ? 413 : 400,
                refused.getMessage(),
                Optional.of(NAMES.get(refused.reason())),
                Optional.empty(),
                Map.of());
    }
}

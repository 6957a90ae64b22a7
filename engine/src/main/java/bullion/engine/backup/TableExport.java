package bullion.engine.backup;

import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Table;
import bullion.core.TableReport;
import bullion.engine.backup.ExportRefused.Reason;
import bullion.engine.entity.StoredEvent;
import bullion.engine.json.StoredFormatSerializer;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One table's whole history as a file: every journal event exactly as {@link StoredFormatSerializer} writes it (its
 * manifest, and its payload as the JSON text the journal stores), in order, with the format's name and version, the
 * source table's id, the table's version after replay, the number of events and a SHA-256 digest of all of that, so a
 * file changed or damaged since it was exported is refused. The digest is a checksum, not a signature: whoever can
 * write a file can compute one, so an import also replays every event through the core before anything is stored.
 *
 * <p>The manage token's hash is not exported: the {@code table-created} event is written with an empty
 * {@code manageTokenHash} (a value no token matches), and the importer stores the hash of the new table's new token
 * in that same field, so the field keeps its one meaning: the hash of this table's manage token.
 *
 * <p>The format (version {@value #VERSION}) is a contract like the journal's: a later Bullion reads every version it
 * ever wrote, and the events inside are read by the stored format's own upcasters.
 */
public record TableExport(String sourceTableId, Instant exportedAt, long tableVersion, List<Entry> events) {

    public static final String FORMAT = "bullion-table-export";
    public static final int VERSION = 1;

    /** The largest file an import reads: 16 MiB, some 40,000 events, far more than any night holds. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    /** One journal event: its stored manifest and its payload, the JSON text the journal holds. */
    public record Entry(String manifest, String payload) {}

    /** A file that replays: its events as the journal will hold them, and the table they rebuild. */
    public record Replayed(List<StoredEvent> events, Table table) {}

    private static final StoredFormatSerializer STORED = new StoredFormatSerializer();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public TableExport {
        events = List.copyOf(events);
    }

    /** The export of a table's journal events, in order; refuses a history that would not import. */
    public static TableExport of(String sourceTableId, Instant exportedAt, List<StoredEvent> journal) {
        List<Entry> entries = new ArrayList<>();
        for (StoredEvent event : journal) {
            StoredEvent exported = event instanceof StoredEvent.TableCreated created
                    ? new StoredEvent.TableCreated(created.opened(), "")
                    : event;
            entries.add(new Entry(
                    STORED.manifest(exported), new String(STORED.toBinary(exported), StandardCharsets.UTF_8)));
        }
        Table table = replay(entries).table();
        return new TableExport(sourceTableId, exportedAt, table.version(), entries);
    }

    /** The file's bytes: JSON, UTF-8. */
    public byte[] toJson() {
        ObjectNode file = JSON.createObjectNode();
        file.put("format", FORMAT);
        file.put("version", VERSION);
        file.put("sourceTableId", sourceTableId);
        file.put("exportedAt", exportedAt.toString());
        file.put("tableVersion", tableVersion);
        file.put("eventCount", events.size());
        ArrayNode list = file.putArray("events");
        for (Entry entry : events) {
            list.addObject().put("manifest", entry.manifest()).put("payload", entry.payload());
        }
        file.put("sha256", sha256());
        try {
            return JSON.writeValueAsBytes(file);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SHA-256, in hex, of the content in a fixed text: each header value on a line of its own (format, version, source
     * id, export time, table version, event count), then per event its manifest, its payload's length in UTF-8 bytes
     * and the payload, each followed by a newline. The lengths keep one event's text from passing for two.
     */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            line(digest, FORMAT);
            line(digest, String.valueOf(VERSION));
            line(digest, sourceTableId);
            line(digest, exportedAt.toString());
            line(digest, String.valueOf(tableVersion));
            line(digest, String.valueOf(events.size()));
            for (Entry entry : events) {
                byte[] payload = entry.payload().getBytes(StandardCharsets.UTF_8);
                line(digest, entry.manifest());
                line(digest, String.valueOf(payload.length));
                digest.update(payload);
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /**
     * Reads a file, refusing with the first thing wrong, in the order a person can fix it: not an export at all, an
     * unknown version, a missing field, a digest that does not match. The events are not yet replayed
     * ({@link #replay()}).
     */
    public static TableExport read(byte[] file) {
        if (file.length > MAX_BYTES) {
            throw new ExportRefused(Reason.TOO_LARGE, tooLarge(file.length));
        }
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (IOException e) {
            throw new ExportRefused(Reason.NOT_AN_EXPORT, "This is not a Bullion table export: it is not valid JSON.");
        }
        if (root == null
                || !root.isObject()
                || !root.path("format").isTextual()
                || !FORMAT.equals(root.path("format").asText())) {
            throw new ExportRefused(
                    Reason.NOT_AN_EXPORT,
                    "This is not a Bullion table export: it has no \"format\": \"" + FORMAT + "\".");
        }
        JsonNode version = root.path("version");
        if (!version.isIntegralNumber() || version.asLong() != VERSION) {
            throw new ExportRefused(
                    Reason.UNKNOWN_VERSION,
                    "This Bullion table export has format version " + version + "; this Bullion reads version "
                            + VERSION + ".");
        }
        TableExport export = fields(root);
        String expected = text(root, "sha256");
        if (!expected.equals(export.sha256())) {
            throw new ExportRefused(
                    Reason.DIGEST_MISMATCH,
                    "This Bullion table export was changed or damaged after it was exported: its content does not"
                            + " match its SHA-256 digest.");
        }
        return export;
    }

    /** The sentence for a file over {@link #MAX_BYTES}. */
    public static String tooLarge(long bytes) {
        return "This file is " + bytes + " bytes; a Bullion table export may be at most " + MAX_BYTES + " bytes ("
                + MAX_BYTES / (1024 * 1024) + " MiB).";
    }

    /**
     * The events read as the journal reads them and replayed through the core's {@link EventApplier}: the first must
     * open the table and no other may, each must apply, the table's report must be computable, and the version reached
     * must be the one the file says. Refused otherwise, naming the event.
     */
    public Replayed replay() {
        Replayed replayed = replay(events);
        if (replayed.table().version() != tableVersion) {
            throw new ExportRefused(
                    Reason.DOES_NOT_REPLAY,
                    "The events replay to table version " + replayed.table().version() + ", but the export says "
                            + tableVersion + ".");
        }
        return replayed;
    }

    private static Replayed replay(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new ExportRefused(Reason.DOES_NOT_REPLAY, "The export holds no events, so no table.");
        }
        List<StoredEvent> stored = new ArrayList<>();
        Optional<Table> table = Optional.empty();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            int n = i + 1;
            StoredEvent event;
            try {
                event = (StoredEvent)
                        STORED.fromBinary(entry.payload().getBytes(StandardCharsets.UTF_8), entry.manifest());
            } catch (Exception | LinkageError e) {
                throw new ExportRefused(
                        Reason.DOES_NOT_REPLAY,
                        "Event " + n + " (" + entry.manifest() + ") cannot be read: " + firstLine(e) + ".");
            }
            Event core = switch (event) {
                case StoredEvent.TableCreated created when n == 1 -> created.opened();
                case StoredEvent.TableCreated created ->
                    throw new ExportRefused(
                            Reason.DOES_NOT_REPLAY, "Event " + n + " opens the table again; only event 1 may.");
                case StoredEvent.Recorded recorded
                when n == 1 ->
                    throw new ExportRefused(
                            Reason.DOES_NOT_REPLAY, "Event 1 must open the table, not be " + entry.manifest() + ".");
                case StoredEvent.Recorded recorded
                when recorded.event() instanceof Event.TableOpened ->
                    throw new ExportRefused(
                            Reason.DOES_NOT_REPLAY, "Event " + n + " opens the table again; only event 1 may.");
                case StoredEvent.Recorded recorded -> recorded.event();
            };
            try {
                table = Optional.of(EventApplier.apply(table, core));
            } catch (RuntimeException e) {
                throw new ExportRefused(
                        Reason.DOES_NOT_REPLAY, "Event " + n + " does not replay: " + firstLine(e) + ".");
            }
            stored.add(event);
        }
        try {
            TableReport.of(table.orElseThrow());
        } catch (RuntimeException e) {
            throw new ExportRefused(
                    Reason.DOES_NOT_REPLAY, "The events rebuild a table whose figures fail: " + firstLine(e) + ".");
        }
        return new Replayed(stored, table.orElseThrow());
    }

    private static TableExport fields(JsonNode root) {
        JsonNode list = root.path("events");
        if (!list.isArray()) {
            throw malformed("\"events\" must be a list");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode event : list) {
            if (!event.isObject() || event.size() != 2) {
                throw malformed("each event must be {\"manifest\", \"payload\"}");
            }
            entries.add(new Entry(text(event, "manifest"), text(event, "payload")));
        }
        JsonNode count = root.path("eventCount");
        if (!count.isIntegralNumber() || count.asLong() != entries.size()) {
            throw malformed("\"eventCount\" must be the number of events, " + entries.size());
        }
        JsonNode tableVersion = root.path("tableVersion");
        if (!tableVersion.isIntegralNumber()) {
            throw malformed("\"tableVersion\" must be a whole number");
        }
        Instant exportedAt;
        try {
            exportedAt = Instant.parse(text(root, "exportedAt"));
        } catch (DateTimeParseException e) {
            throw malformed("\"exportedAt\" must be an ISO instant");
        }
        return new TableExport(text(root, "sourceTableId"), exportedAt, tableVersion.asLong(), entries);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw malformed("\"" + field + "\" is missing or not text");
        }
        return value.asText();
    }

    private static ExportRefused malformed(String what) {
        return new ExportRefused(Reason.MALFORMED, "This Bullion table export is incomplete: " + what + ".");
    }

    private static String firstLine(Throwable e) {
        Throwable said = e;
        while (said.getCause() != null && said.getCause() != said && said.getMessage() == null) {
            said = said.getCause();
        }
        String message = said.getMessage() == null ? said.getClass().getSimpleName() : said.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    private static void line(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }
}

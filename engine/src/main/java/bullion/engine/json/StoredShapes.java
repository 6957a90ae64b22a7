package bullion.engine.json;

import bullion.core.Entry;
import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Paid;
import bullion.core.Table;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How the shape behind each manifest name has evolved. A row's manifest is its name, plus {@code "#v"} once the
 * shape is past version 1; reading an older version runs its upcasters (each turns version v into v + 1) on the
 * JSON before it is bound, so the records only ever know the current shape.
 */
final class StoredShapes {

    private StoredShapes() {}

    /** The current version of each shape that has changed; every other shape is at version 1. */
    private static final Map<String, Integer> CURRENT = Map.of("table-created", 3, "recorded", 2, "table-state", 5);

    /** By manifest name, then by the version each reads. */
    private static final Map<String, Map<Integer, UnaryOperator<ObjectNode>>> UPCASTERS = Map.of(
            "table-created",
                    Map.of(1, StoredShapes::tableOpenedBeforeTheNight, 2, StoredShapes::tableCreatedBeforeGroups),
            "recorded", Map.of(1, StoredShapes::recordedBeforeTheNight),
            "table-state",
                    Map.of(
                            1,
                            StoredShapes::recentRequestsWithoutWrapper,
                            2,
                            StoredShapes::tableStateBeforeTheNight,
                            3,
                            StoredShapes::tableStateBeforeGroups,
                            4,
                            StoredShapes::ledgerInColumns));

    /**
     * How a buy-in was paid before cash buy-ins: on credit, every one of them. Written out rather than taken from
     * {@link Paid#DEFAULT}, because a row means what it meant when it was written, whatever the default becomes.
     */
    private static final String PAID_BEFORE_THE_NIGHT = Paid.CREDIT.name();

    /** A manifest taken apart. */
    record Version(String name, int version) {}

    static int current(String name) {
        return CURRENT.getOrDefault(name, 1);
    }

    static String manifest(String name) {
        return current(name) == 1 ? name : name + "#" + current(name);
    }

    static Version parse(String manifest) {
        int hash = manifest.indexOf('#');
        return hash < 0
                ? new Version(manifest, 1)
                : new Version(manifest.substring(0, hash), Integer.parseInt(manifest.substring(hash + 1)));
    }

    /** The JSON of {@code from}'s shape brought up to the current one. */
    static ObjectNode upcast(Version from, ObjectNode json) {
        if (from.version() > current(from.name())) {
            throw new IllegalArgumentException(from + " is newer than this version of Bullion can read");
        }
        ObjectNode node = json;
        for (int v = from.version(); v < current(from.name()); v++) {
            node = UPCASTERS.get(from.name()).get(v).apply(node);
        }
        return node;
    }

    /**
     * table-state 1 → 2: the recent requests were an object whose only property was the list {@code "seen"}; from
     * version 2 they are the list itself. Same data, one wrapper less.
     */
    private static ObjectNode recentRequestsWithoutWrapper(ObjectNode state) {
        ObjectNode recent = (ObjectNode) state.required("recent");
        if (recent.size() != 1) {
            throw new IllegalArgumentException(
                    "table-state 1 has only \"seen\" in \"recent\", not " + recent.properties());
        }
        state.set("recent", recent.required("seen"));
        return state;
    }

    /** table-created 1 → 2: a table opened before cash buy-ins took every buy-in on credit. */
    private static ObjectNode tableOpenedBeforeTheNight(ObjectNode created) {
        eventBeforeTheNight((ObjectNode) created.required("opened"));
        return created;
    }

    /** table-created 2 → 3: every table opened before groups is in no group, and no group's token manages it. */
    private static ObjectNode tableCreatedBeforeGroups(ObjectNode created) {
        add((ObjectNode) created.required("opened"), "groupId", created.nullNode());
        add(created, "groupTokenHash", created.nullNode());
        return created;
    }

    /** table-state 3 → 4: a table of a snapshot taken before groups is in no group. */
    private static ObjectNode tableStateBeforeGroups(ObjectNode state) {
        add(state, "groupId", state.nullNode());
        add(state, "groupTokenHash", state.nullNode());
        return state;
    }

    /**
     * table-state 4 → 5: the ledger's entries, one object each, become one array per field ({@link EntryColumns}):
     * the same values, written so that a long night reads back fast.
     */
    private static ObjectNode ledgerInColumns(ObjectNode state) {
        JsonNode table = state.required("table");
        if (!table.isNull()) {
            JsonNode entries = table.required("entries");
            if (!entries.isArray()) {
                throw new IllegalArgumentException("table-state 4 keeps its entries in an array, not " + entries);
            }
            ((ObjectNode) table).set("entries", EntryColumns.fromObjects((ArrayNode) entries, state));
        }
        return state;
    }

    /** recorded 1 → 2: the event in its shape of the night (see {@link #eventBeforeTheNight}). */
    private static ObjectNode recordedBeforeTheNight(ObjectNode recorded) {
        eventBeforeTheNight((ObjectNode) recorded.required("event"));
        return recorded;
    }

    /**
     * An event of the first release in the shape of finishing the night, with the meaning it had: a table opened
     * with credit as its default, a buy-in on credit, a close with no player named for the missing chips (shared
     * back) and no frozen plan (worked out when the close is applied, as it was shown then). Every other event of
     * the first release is unchanged; any event added since cannot be in an older row.
     */
    private static void eventBeforeTheNight(ObjectNode event) {
        String type = event.required("type").asText();
        switch (type) {
            case "TableOpened" -> add(event, "defaultPaid", PAID_BEFORE_THE_NIGHT);
            case "BoughtIn" -> add(event, "paid", PAID_BEFORE_THE_NIGHT);
            case "TableClosed" -> {
                add(event, "missingChipsCashedOutBy", event.nullNode());
                add(event, "payments", event.nullNode());
            }
            case "PlayerJoined", "CashedOut", "EntryVoided", "TableReopened" -> {}
            default -> throw new IllegalArgumentException("no event of type " + type + " was stored before the night");
        }
    }

    /**
     * table-state 2 → 3: the table of the first release in the shape of finishing the night, meaning what replaying
     * its journal means. The terms take credit as their default, players have no pay handles, every buy-in counted
     * standard buy-ins on credit (a cash-out counts chips), and the events of the recent requests are upcast as
     * journal rows are. The boolean {@code closed} becomes a {@code closing}: an open table has none and no
     * milestones; a closed one is taken as open one event earlier and the core's own {@link EventApplier} applies
     * the first release's close to it, as replay would, which works out its plan (missing chips shared back).
     *
     * <p>What a version-2 snapshot does not hold is not invented: the close time is the latest time the snapshot
     * knows (entries, voidings and the events of its recent requests, where the close itself usually is; the epoch
     * for a table that holds none), and only that last close becomes a milestone (replay would also list earlier
     * closes and reopens).
     */
    private static ObjectNode tableStateBeforeTheNight(ObjectNode state) {
        for (JsonNode seen : state.required("recent")) {
            for (JsonNode event : seen.required("events")) {
                eventBeforeTheNight((ObjectNode) event);
            }
        }
        JsonNode table = state.required("table");
        if (!table.isNull()) {
            state.set("table", tableBeforeTheNight((ObjectNode) table, latestTime(state)));
        }
        return state;
    }

    private static JsonNode tableBeforeTheNight(ObjectNode table, Instant closedAt) {
        add((ObjectNode) table.required("settings"), "defaultPaid", PAID_BEFORE_THE_NIGHT);
        for (JsonNode player : table.required("players")) {
            add((ObjectNode) player, "payHandles", table.objectNode());
        }
        for (JsonNode entry : table.required("entries")) {
            Entry.Kind kind = Entry.Kind.valueOf(entry.required("kind").asText());
            add((ObjectNode) entry, "unit", (kind == Entry.Kind.BUY_IN ? Entry.Unit.BUY_INS : Entry.Unit.CHIPS).name());
            add((ObjectNode) entry, "paid", PAID_BEFORE_THE_NIGHT);
        }
        JsonNode closed = table.remove("closed");
        if (closed == null || !closed.isBoolean()) {
            throw new IllegalArgumentException("table-state 2 says whether its table is closed, not " + closed);
        }
        long version = table.required("version").longValue();
        add(table, "closing", table.nullNode());
        add(table, "milestones", table.arrayNode());
        if (!closed.booleanValue()) {
            return table;
        }
        table.put("version", version - 1);
        Table open = StoredJson.ENTRIES_AS_OBJECTS.convertValue(table, Table.class);
        return StoredJson.ENTRIES_AS_OBJECTS.valueToTree(
                EventApplier.apply(Optional.of(open), new Event.TableClosed(closedAt)));
    }

    /** The latest time a table-state 2 holds: of its entries, their voidings and its recent requests' events. */
    private static Instant latestTime(ObjectNode state) {
        Instant latest = Instant.EPOCH;
        for (JsonNode entry : state.path("table").path("entries")) {
            latest = later(latest, entry.required("at"));
            latest = later(latest, entry.path("voiding").path("at"));
        }
        for (JsonNode seen : state.required("recent")) {
            for (JsonNode event : seen.required("events")) {
                latest = later(latest, event.path("at"));
            }
        }
        return latest;
    }

    private static Instant later(Instant latest, JsonNode time) {
        if (!time.isTextual()) {
            return latest;
        }
        Instant at = Instant.parse(time.asText());
        return at.isAfter(latest) ? at : latest;
    }

    /** Adds a property an older shape lacked; one already there means the row is not the version it claims. */
    private static void add(ObjectNode node, String property, String value) {
        add(node, property, node.textNode(value));
    }

    private static void add(ObjectNode node, String property, JsonNode value) {
        if (node.has(property)) {
            throw new IllegalArgumentException(
                    "an older shape has no \"" + property + "\", but this row has it: " + node);
        }
        node.set(property, value);
    }
}

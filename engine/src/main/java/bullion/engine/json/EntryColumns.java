package bullion.engine.json;

import bullion.core.Entry;
import bullion.core.Ledger;
import bullion.core.Paid;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Array;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot's ledger from table-state 5 on: one array per field of {@link Entry} instead of one object per entry
 * ({@code {"seq":[1,2],"atSecond":[…],"atNano":[…],"playerId":[…],"kind":[…],"quantity":[…],"voiding":[null,…],
 * "unit":[…],"paid":[…]}}). A snapshot holds the whole night, so reading it back is a table's first request after a
 * restart: without a property name per value, an ISO text per time and a JSON object per entry, it is about a third
 * of the bytes and is read in one pass of the parser (BENCHMARKS.md, "First request to a 10,000-event table").
 *
 * <p>The same values as before, exactly: an entry's time is its epoch second and nanosecond, enums by constant name,
 * a voiding as the object it always was (null when the entry counts). Reading is as strict as everywhere else: every
 * column once, no other, all of one length, no null where a number or a name belongs.
 */
final class EntryColumns {

    private EntryColumns() {}

    /** A column's first array; a night of a few hundred entries needs no copy, a long one a few doublings. */
    private static final int FIRST_CAPACITY = 256;

    static final String SEQ = "seq";
    static final String AT_SECOND = "atSecond";
    static final String AT_NANO = "atNano";
    static final String PLAYER_ID = "playerId";
    static final String KIND = "kind";
    static final String QUANTITY = "quantity";
    static final String VOIDING = "voiding";
    static final String UNIT = "unit";
    static final String PAID = "paid";

    /** Every column, in the order they are written. */
    static final List<String> COLUMNS =
            List.of(SEQ, AT_SECOND, AT_NANO, PLAYER_ID, KIND, QUANTITY, VOIDING, UNIT, PAID);

    /** table-state 4 → 5: the ledger's array of entry objects turned into its columns, value for value. */
    static ObjectNode fromObjects(ArrayNode entries, ObjectNode factory) {
        Map<String, ArrayNode> columns = new HashMap<>();
        ObjectNode out = factory.objectNode();
        for (String column : COLUMNS) {
            columns.put(column, out.putArray(column));
        }
        for (var node : entries) {
            if (node.size() != 8) {
                throw new IllegalArgumentException("a table-state 4 entry has 8 properties, not " + node);
            }
            Instant at = Instant.parse(node.required("at").asText());
            columns.get(SEQ).add(node.required(SEQ));
            columns.get(AT_SECOND).add(at.getEpochSecond());
            columns.get(AT_NANO).add(at.getNano());
            columns.get(PLAYER_ID).add(node.required(PLAYER_ID));
            columns.get(KIND).add(node.required(KIND));
            columns.get(QUANTITY).add(node.required(QUANTITY));
            columns.get(VOIDING).add(node.required(VOIDING));
            columns.get(UNIT).add(node.required(UNIT));
            columns.get(PAID).add(node.required(PAID));
        }
        return out;
    }

    /**
     * Writes the columns from one read of each entry: a {@link Ledger} makes an entry (and its {@link Instant}) on
     * every {@code get}, and reading it once per column made nine of each, about a third of the writer's CPU
     * (BENCHMARKS.md, "A snapshot written from one read of each entry").
     */
    static final class Writer extends JsonSerializer<List<Entry>> {
        /** Each constant's name as JSON, quoted and encoded once rather than checked for escapes on every entry. */
        private static final SerializedString[] KIND_NAMES = names(Entry.Kind.values());

        private static final SerializedString[] UNIT_NAMES = names(Entry.Unit.values());
        private static final SerializedString[] PAID_NAMES = names(Paid.values());

        private static SerializedString[] names(Enum<?>[] constants) {
            return Arrays.stream(constants)
                    .map(c -> new SerializedString(c.name()))
                    .toArray(SerializedString[]::new);
        }

        @Override
        public void serialize(List<Entry> list, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Entry[] entries = list.toArray(Entry[]::new);
            gen.writeStartObject();
            gen.writeFieldName(SEQ);
            gen.writeStartArray();
            for (Entry entry : entries) {
                gen.writeNumber(entry.seq());
            }
            gen.writeEndArray();
            gen.writeFieldName(AT_SECOND);
            gen.writeStartArray();
            for (Entry entry : entries) {
                gen.writeNumber(entry.at().getEpochSecond());
            }
            gen.writeEndArray();
            gen.writeFieldName(AT_NANO);
            gen.writeStartArray();
            for (Entry entry : entries) {
                gen.writeNumber(entry.at().getNano());
            }
            gen.writeEndArray();
            gen.writeFieldName(PLAYER_ID);
            gen.writeStartArray();
            for (Entry entry : entries) {
                gen.writeNumber(entry.playerId());
            }
            gen.writeEndArray();
            gen.writeFieldName(KIND);
            gen.writeStartArray();
            for (Entry entry : entries) {
                gen.writeString(KIND_NAMES[entry.kind().ordinal()]);
            }
            gen.writeEndArray();
            gen.writeFieldName(QUANTITY);
            gen.writeStartArray();
            for (Entry entry : entries) {
                gen.writeNumber(entry.quantity());
            }
            gen.writeEndArray();
            gen.writeFieldName(VOIDING);
            gen.writeStartArray();
            for (Entry entry : entries) {
                Optional<Entry.Voiding> voiding = entry.voiding();
                if (voiding.isPresent()) {
                    provider.defaultSerializeValue(voiding.get(), gen);
                } else {
                    gen.writeNull();
                }
            }
            gen.writeEndArray();
            gen.writeFieldName(UNIT);
            gen.writeStartArray();
            for (Entry entry : entries) {
                gen.writeString(UNIT_NAMES[entry.unit().ordinal()]);
            }
            gen.writeEndArray();
            gen.writeFieldName(PAID);
            gen.writeStartArray();
            for (Entry entry : entries) {
                gen.writeString(PAID_NAMES[entry.paid().ordinal()]);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }

    /**
     * Reads the columns straight into arrays and the ledger from them ({@link Ledger#ofColumns}): no boxed value, no
     * {@link Entry} and no text per value on the way, which is most of a long table's first request after a restart.
     */
    static final class Reader extends JsonDeserializer<List<Entry>> {
        private static final Entry.Kind[] KINDS = Entry.Kind.values();
        private static final Entry.Unit[] UNITS = Entry.Unit.values();
        private static final Paid[] PAIDS = Paid.values();

        @Override
        public List<Entry> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                throw JsonMappingException.from(p, "the ledger's columns are an object, not " + p.currentToken());
            }
            Map<String, Object> columns = new HashMap<>();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                if (!COLUMNS.contains(name)) {
                    throw JsonMappingException.from(p, "the ledger has no column \"" + name + "\"");
                }
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw JsonMappingException.from(p, "the ledger's column \"" + name + "\" is an array");
                }
                if (columns.put(name, column(name, p, ctxt)) != null) {
                    throw JsonMappingException.from(p, "the ledger's column \"" + name + "\" appears twice");
                }
            }
            for (String column : COLUMNS) {
                if (!columns.containsKey(column)) {
                    throw JsonMappingException.from(p, "the ledger's column \"" + column + "\" is missing");
                }
            }
            int n = Array.getLength(columns.get(SEQ));
            for (String column : COLUMNS) {
                if (Array.getLength(columns.get(column)) != n) {
                    throw JsonMappingException.from(
                            p,
                            "the ledger's columns differ in length: " + column + " has "
                                    + Array.getLength(columns.get(column)));
                }
            }
            return Ledger.ofColumns(
                    (int[]) columns.get(SEQ),
                    (long[]) columns.get(AT_SECOND),
                    (int[]) columns.get(AT_NANO),
                    (int[]) columns.get(PLAYER_ID),
                    (Entry.Kind[]) columns.get(KIND),
                    (long[]) columns.get(QUANTITY),
                    (Entry.Voiding[]) columns.get(VOIDING),
                    (Entry.Unit[]) columns.get(UNIT),
                    (Paid[]) columns.get(PAID));
        }

        /** One column's values as an array of its type, the parser on its opening bracket; left on its closing one. */
        private static Object column(String name, JsonParser p, DeserializationContext ctxt) throws IOException {
            return switch (name) {
                case SEQ, PLAYER_ID -> ints(name, p, false);
                case AT_NANO -> ints(name, p, true);
                case AT_SECOND, QUANTITY -> longs(name, p);
                case KIND -> constants(name, KINDS, p);
                case UNIT -> constants(name, UNITS, p);
                case PAID -> constants(name, PAIDS, p);
                case VOIDING -> voidings(p, ctxt);
                default -> throw new IllegalStateException(name);
            };
        }

        private static int[] ints(String name, JsonParser p, boolean nanos) throws IOException {
            int[] values = new int[FIRST_CAPACITY];
            int n = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                wholeNumber(name, p, t);
                int value = p.getIntValue();
                if (nanos && (value < 0 || value > 999_999_999)) {
                    throw JsonMappingException.from(p, "a nanosecond is 0-999999999, not " + value);
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = value;
            }
            return Arrays.copyOf(values, n);
        }

        private static long[] longs(String name, JsonParser p) throws IOException {
            long[] values = new long[FIRST_CAPACITY];
            int n = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                wholeNumber(name, p, t);
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = p.getLongValue();
            }
            return Arrays.copyOf(values, n);
        }

        /** Names of {@code constants}, matched on the parser's own characters rather than a string made per value. */
        private static <E extends Enum<E>> E[] constants(String name, E[] constants, JsonParser p) throws IOException {
            E[] values = Arrays.copyOf(constants, FIRST_CAPACITY);
            int n = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.VALUE_STRING) {
                    throw JsonMappingException.from(p, "the ledger's column \"" + name + "\" holds names, not " + t);
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = constant(name, constants, p);
            }
            return Arrays.copyOf(values, n);
        }

        private static <E extends Enum<E>> E constant(String name, E[] constants, JsonParser p) throws IOException {
            if (!p.hasTextCharacters()) {
                // A tree's parser (an upcast older snapshot) holds strings already; its characters would be copies.
                String text = p.getText();
                for (E constant : constants) {
                    if (constant.name().equals(text)) {
                        return constant;
                    }
                }
                throw JsonMappingException.from(p, "the ledger's column \"" + name + "\" has no name \"" + text + "\"");
            }
            char[] text = p.getTextCharacters();
            int offset = p.getTextOffset();
            int length = p.getTextLength();
            for (E constant : constants) {
                if (sameText(constant.name(), text, offset, length)) {
                    return constant;
                }
            }
            throw JsonMappingException.from(
                    p, "the ledger's column \"" + name + "\" has no name \"" + p.getText() + "\"");
        }

        private static boolean sameText(String name, char[] text, int offset, int length) {
            if (name.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (name.charAt(i) != text[offset + i]) {
                    return false;
                }
            }
            return true;
        }

        /** A voiding per entry, null where the entry counts. */
        private static Entry.Voiding[] voidings(JsonParser p, DeserializationContext ctxt) throws IOException {
            Entry.Voiding[] values = new Entry.Voiding[FIRST_CAPACITY];
            int n = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Entry.Voiding.class);
            }
            return Arrays.copyOf(values, n);
        }

        private static void wholeNumber(String name, JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw JsonMappingException.from(
                        p, "the ledger's column \"" + name + "\" holds whole numbers, not " + t);
            }
        }
    }
}

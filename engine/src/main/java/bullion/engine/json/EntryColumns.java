package bullion.engine.json;

import bullion.core.Entry;
import bullion.core.Paid;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
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

    static final class Writer extends JsonSerializer<List<Entry>> {
        @Override
        public void serialize(List<Entry> entries, JsonGenerator gen, SerializerProvider provider) throws IOException {
            int n = entries.size();
            gen.writeStartObject();
            gen.writeFieldName(SEQ);
            gen.writeStartArray();
            for (int i = 0; i < n; i++) {
                gen.writeNumber(entries.get(i).seq());
            }
            gen.writeEndArray();
            gen.writeFieldName(AT_SECOND);
            gen.writeStartArray();
            for (int i = 0; i < n; i++) {
                gen.writeNumber(entries.get(i).at().getEpochSecond());
            }
            gen.writeEndArray();
            gen.writeFieldName(AT_NANO);
            gen.writeStartArray();
            for (int i = 0; i < n; i++) {
                gen.writeNumber(entries.get(i).at().getNano());
            }
            gen.writeEndArray();
            gen.writeFieldName(PLAYER_ID);
            gen.writeStartArray();
            for (int i = 0; i < n; i++) {
                gen.writeNumber(entries.get(i).playerId());
            }
            gen.writeEndArray();
            gen.writeFieldName(KIND);
            gen.writeStartArray();
            for (int i = 0; i < n; i++) {
                gen.writeString(entries.get(i).kind().name());
            }
            gen.writeEndArray();
            gen.writeFieldName(QUANTITY);
            gen.writeStartArray();
            for (int i = 0; i < n; i++) {
                gen.writeNumber(entries.get(i).quantity());
            }
            gen.writeEndArray();
            gen.writeFieldName(VOIDING);
            gen.writeStartArray();
            for (int i = 0; i < n; i++) {
                Optional<Entry.Voiding> voiding = entries.get(i).voiding();
                if (voiding.isPresent()) {
                    provider.defaultSerializeValue(voiding.get(), gen);
                } else {
                    gen.writeNull();
                }
            }
            gen.writeEndArray();
            gen.writeFieldName(UNIT);
            gen.writeStartArray();
            for (int i = 0; i < n; i++) {
                gen.writeString(entries.get(i).unit().name());
            }
            gen.writeEndArray();
            gen.writeFieldName(PAID);
            gen.writeStartArray();
            for (int i = 0; i < n; i++) {
                gen.writeString(entries.get(i).paid().name());
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }

    static final class Reader extends JsonDeserializer<List<Entry>> {
        @Override
        public List<Entry> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                throw JsonMappingException.from(p, "the ledger's columns are an object, not " + p.currentToken());
            }
            Map<String, List<?>> columns = new HashMap<>();
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
            int n = columns.get(SEQ).size();
            for (String column : COLUMNS) {
                if (columns.get(column).size() != n) {
                    throw JsonMappingException.from(
                            p,
                            "the ledger's columns differ in length: " + column + " has "
                                    + columns.get(column).size());
                }
            }
            List<Entry> entries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                entries.add(new Entry(
                        (Integer) columns.get(SEQ).get(i),
                        Instant.ofEpochSecond((Long) columns.get(AT_SECOND).get(i), (Integer)
                                columns.get(AT_NANO).get(i)),
                        (Integer) columns.get(PLAYER_ID).get(i),
                        (Entry.Kind) columns.get(KIND).get(i),
                        (Long) columns.get(QUANTITY).get(i),
                        Optional.ofNullable((Entry.Voiding) columns.get(VOIDING).get(i)),
                        (Entry.Unit) columns.get(UNIT).get(i),
                        (Paid) columns.get(PAID).get(i)));
            }
            return entries;
        }

        /** One column's values, the parser on its opening bracket; left on its closing one. */
        private static List<?> column(String name, JsonParser p, DeserializationContext ctxt) throws IOException {
            List<Object> values = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                values.add(
                        switch (name) {
                            case SEQ, PLAYER_ID -> intValue(name, p, t);
                            case AT_NANO -> {
                                int nano = intValue(name, p, t);
                                if (nano < 0 || nano > 999_999_999) {
                                    throw JsonMappingException.from(p, "a nanosecond is 0-999999999, not " + nano);
                                }
                                yield nano;
                            }
                            case AT_SECOND, QUANTITY -> longValue(name, p, t);
                            case KIND -> Entry.Kind.valueOf(text(name, p, t));
                            case UNIT -> Entry.Unit.valueOf(text(name, p, t));
                            case PAID -> Paid.valueOf(text(name, p, t));
                            case VOIDING -> t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Entry.Voiding.class);
                            default -> throw new IllegalStateException(name);
                        });
            }
            return values;
        }

        private static int intValue(String name, JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw JsonMappingException.from(
                        p, "the ledger's column \"" + name + "\" holds whole numbers, not " + t);
            }
            return p.getIntValue();
        }

        private static long longValue(String name, JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw JsonMappingException.from(
                        p, "the ledger's column \"" + name + "\" holds whole numbers, not " + t);
            }
            return p.getLongValue();
        }

        private static String text(String name, JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.VALUE_STRING) {
                throw JsonMappingException.from(p, "the ledger's column \"" + name + "\" holds names, not " + t);
            }
            return p.getText();
        }
    }
}

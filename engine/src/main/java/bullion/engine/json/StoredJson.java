package bullion.engine.json;

import bullion.core.Entry;
import bullion.core.Table;
import bullion.engine.entity.RecentRequests;
import bullion.engine.entity.TableState;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The JSON of the journal and snapshots, with its settings written here rather than taken from Pekko's defaults,
 * so that a Pekko upgrade cannot change what is stored. Reading is strict: an unknown property, a missing one or
 * a null where a number belongs is an error, never a silent zero. A field added later is filled in by an
 * upcaster for the older versions ({@link StoredShapes}), so every default lives in one place.
 */
public final class StoredJson {

    private StoredJson() {}

    /**
     * The JSON of table-state 1-4, whose ledger is an array of entry objects; only the upcasters that rebuild an old
     * table ({@link StoredShapes}) still read and write that shape.
     */
    static final ObjectMapper ENTRIES_AS_OBJECTS = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .addModule(new CoreJsonModule())
            .addModule(new SimpleModule("bullion-stored-shapes")
                    .addSerializer(RecentRequests.class, new RecentRequestsAsList())
                    .addDeserializer(RecentRequests.class, new RecentRequestsFromList())
                    .addDeserializer(Instant.class, new InstantReader()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // a map (pay handles) in key order, not the JVM's hash order, so the same value is the same bytes every run
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Today's stored JSON: as above, with a snapshot's ledger in columns (table-state 5, {@link EntryColumns}). */
    static final ObjectMapper MAPPER = ENTRIES_AS_OBJECTS.copy().addMixIn(Table.class, LedgerInColumns.class);

    /**
     * The same JSON with every object's keys sorted and decimals kept exact: text that hashes the same forever. An
     * empty Optional or null is left out, so adding an optional field to a command leaves the fingerprints of the
     * requests that do not use it as they were.
     */
    private static final ObjectMapper CANONICAL = MAPPER.copy()
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a row of the given manifest name and shape version, upcasting it to the current shape. */
    static Object read(StoredShapes.Version version, byte[] bytes) {
        Class<?> type = StoredNames.classOf(version.name())
                .orElseThrow(() -> new IllegalArgumentException("no stored type is named " + version.name()));
        boolean current = version.version() == StoredShapes.current(version.name());
        try (InputStream in = maybeGunzip(bytes)) {
            if (current) {
                // Nothing to upcast: bound straight from the bytes, without a tree of the whole snapshot first, and
                // from the array itself unless gzipped (a stream makes the parser copy it into buffers of its own).
                return gzipped(bytes) ? MAPPER.readValue(in, type) : MAPPER.readValue(bytes, type);
            }
            ObjectNode json = (ObjectNode) MAPPER.readTree(in);
            return MAPPER.treeToValue(StoredShapes.upcast(version, json), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + version, e);
        }
    }

    /** {@code value} as {@code asType} in canonical JSON: its stored names, its fields, keys sorted, no whitespace. */
    static String canonical(Object value, Class<?> asType) {
        try {
            Object plain = CANONICAL.readValue(CANONICAL.writerFor(asType).writeValueAsBytes(value), Object.class);
            return CANONICAL.writeValueAsString(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pekko's jackson-json serializer gzipped payloads over 32 KiB; a JSON text never starts with gzip's magic. */
    private static InputStream maybeGunzip(byte[] bytes) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        return gzipped(bytes) ? new GZIPInputStream(in) : in;
    }

    private static boolean gzipped(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b;
    }

    /** Puts {@link EntryColumns} on {@link Table#entries}, for {@link #MAPPER} only. */
    private abstract static class LedgerInColumns {
        @JsonSerialize(using = EntryColumns.Writer.class)
        @JsonDeserialize(using = EntryColumns.Reader.class)
        List<Entry> entries;
    }

    /** table-state 2 keeps the recent requests as a plain list (see the upcaster in {@link StoredShapes}). */
    private static final class RecentRequestsAsList extends JsonSerializer<RecentRequests> {
        @Override
        public void serialize(RecentRequests value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            // A request's event may be held as a number (EventNumbers): the state being written has the table to read.
            Optional<Table> table = gen.currentValue() instanceof TableState state ? state.table() : Optional.empty();
            provider.defaultSerializeValue(value.seen(table), gen);
        }
    }

    private static final class RecentRequestsFromList extends JsonDeserializer<RecentRequests> {
        @Override
        public RecentRequests deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            List<RecentRequests.Seen> seen = ctxt.readValue(
                    p, ctxt.getTypeFactory().constructCollectionType(List.class, RecentRequests.Seen.class));
            return new RecentRequests(seen);
        }
    }
}

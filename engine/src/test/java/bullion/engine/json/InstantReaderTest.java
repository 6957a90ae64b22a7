package bullion.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An event's time is in the journal forever: the stored JSON's own reader of it must give every text the instant
 * Jackson's reader gives, or fail where it fails.
 */
class InstantReaderTest {

    /** Jackson's reader as the stored JSON used it before {@link InstantReader}. */
    private static final ObjectMapper JACKSON =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 =
            Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Test
    void everyInstantAsItIsWrittenReadsBackItself() {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 200_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(YEAR_0, YEAR_10000), nanos(random));
            assertThat(InstantReader.parse(at.toString())).as(at.toString()).isEqualTo(at);
        }
    }

    @Test
    void aFractionOfAnyLengthFromOneToNineDigitsReadsAsTheJdkReadsIt() {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 20_000; i++) {
            String seconds =
                    Instant.ofEpochSecond(random.nextLong(YEAR_0, YEAR_10000)).toString();
            int digits = 1 + random.nextInt(9);
            StringBuilder text = new StringBuilder(seconds.substring(0, seconds.length() - 1)).append('.');
            for (int d = 0; d < digits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            String shaped = text.append('Z').toString();
            assertThat(InstantReader.parse(shaped)).as(shaped).isEqualTo(Instant.parse(shaped));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-27T19:00:00+01:00", // an offset
                "2026-11-27T19:00:00z", // a lower-case zone
                "2026-11-27t19:00:00Z",
                "2026-11-27T19:00Z", // no seconds
                "2026-11-27T19:00:00.Z", // a point and no digit
                "2026-11-27T19:00:00.1234567890Z", // ten digits
                "2026-02-29T19:00:00Z", // not a leap year
                "2026-04-31T19:00:00Z",
                "2026-13-01T19:00:00Z",
                "2026-00-01T19:00:00Z",
                "2026-11-00T19:00:00Z",
                "2026-11-27T24:00:00Z",
                "2026-11-27T19:60:00Z",
                "2016-12-31T23:59:60Z", // a leap second, which the JDK's parser takes
                "+10000-01-01T00:00:00Z", // past year 9999
                "-0001-01-01T00:00:00Z",
                " 2026-11-27T19:00:00Z",
                "2026-11-27T19:00:00Z ",
                "2026-11-27T19:00:0xZ",
                "2026-1１-27T19:00:00Z", // a digit that is not ASCII
                "1764270000", // epoch seconds as text
                ""
            })
    void anyOtherTextIsLeftToJacksonWhichReadsItAsBefore(String text) throws Exception {
        assertThat(InstantReader.parse(text)).isNull();
        String json = JACKSON.writeValueAsString(text);
        assertThat(outcome(StoredJson.MAPPER, json)).isEqualTo(outcome(JACKSON, json));
    }

    @Test
    void theStoredJsonReadsTimesWithIt() throws Exception {
        DefaultDeserializationContext context = ((DefaultDeserializationContext)
                        StoredJson.MAPPER.getDeserializationContext())
                .createInstance(StoredJson.MAPPER.getDeserializationConfig(), null, null);
        assertThat(context.findRootValueDeserializer(StoredJson.MAPPER.constructType(Instant.class)))
                .isInstanceOf(InstantReader.class);
        List<String> texts =
                List.of("2026-11-27T19:00:00Z", "2026-11-27T19:00:00.123Z", "2026-11-27T19:00:00.000000001Z");
        for (String text : texts) {
            String json = "\"" + text + "\"";
            assertThat(StoredJson.MAPPER.readValue(json, Instant.class)).isEqualTo(Instant.parse(text));
        }
        assertThat(StoredJson.MAPPER.readValue("1764270000", Instant.class))
                .isEqualTo(JACKSON.readValue("1764270000", Instant.class));
    }

    /** A nanosecond part as an instant's text shows it: none, or 3, 6 or 9 digits' worth. */
    private static int nanos(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
    }

    /** What {@code mapper} makes of {@code json} as an instant: the instant, or the kind of failure. */
    private static Object outcome(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, Instant.class);
        } catch (JsonMappingException e) {
            return e.getClass().getSimpleName() + ": " + e.getOriginalMessage();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}

package bullion.engine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads an event's time as {@link Instant#toString} wrote it ({@code 2026-11-27T19:00:00.123456Z}) without the JDK's
 * ISO parser, which builds a new formatter for every instant it parses: that was half of an event's reading and a
 * tenth of a table's recovery (BENCHMARKS.md, "A replayed event's time"). Only that one shape is read here: a year of
 * four digits, every field of two, seconds 00-59, then no fraction or one of 1-9 digits, then {@code Z}. Anything
 * else, or a date that does not exist, goes to Jackson's own reader, so every text reads back to the same instant,
 * or fails the same way, as it always did.
 */
final class InstantReader extends JsonDeserializer<Instant> {

    private static final int SECONDS_PER_DAY = 86_400;

    /** Jackson's own reader of an instant, which the stored JSON used for every time before this one. */
    private static final JsonDeserializer<Instant> JACKSON = InstantDeserializer.INSTANT;

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            Instant read = parse(p.getText());
            if (read != null) {
                return read;
            }
        }
        return JACKSON.deserialize(p, ctxt);
    }

    /** The instant {@code text} names if it is in {@link Instant#toString}'s shape for years 0-9999, else null. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20
                || length > 30
                || length == 21 // a point and no digit after it
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z'
                || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fractionDigits = length > 20 ? length - 21 : 0;
        int nanos = fractionDigits > 0 ? digits(text, 20, length - 1) : 0;
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || nanos < 0) {
            return null;
        }
        for (int d = fractionDigits; d < 9; d++) {
            nanos *= 10;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number {@code text} holds from {@code from} to {@code to} (at most 9 ASCII digits), or -1. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

package bullion.web;

import bullion.engine.GroupId;
import bullion.engine.TableId;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What a request carries, read by one set of rules for the pages and the API: ids in the path, request ids,
 * numbers. Every read is bounded: the length is checked before any pattern or {@link BigDecimal} sees the text,
 * so a client cannot make the server spend seconds on a number no table could use. Only the shape is checked
 * here; whether a value is allowed is the core's rule. A malformed table id is 404 (no such table, and no table
 * process is started for it); a malformed player id or entry number is 400, on both sides.
 */
public final class Input {

    /** Whole digits: enough for any long, and far beyond any buy-in price. */
    public static final int MAX_WHOLE_DIGITS = 20;
    /** Fraction digits: more than any currency has, so the core can still say "too precise" in its own words. */
    public static final int MAX_FRACTION_DIGITS = 10;

    public static final int MAX_REQUEST_ID_LENGTH = 200;

    private static final Pattern DECIMAL =
            Pattern.compile("-?[0-9]{1," + MAX_WHOLE_DIGITS + "}(\\.[0-9]{1," + MAX_FRACTION_DIGITS + "})?");
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1," + MAX_WHOLE_DIGITS + "}");

    private Input() {}

    public static TableId tableId(Context ctx) {
        String text = ctx.pathParam("id");
        return TableId.parse(text).orElseThrow(() -> new HttpFailure(404, "There is no table " + text + "."));
    }

    /** A group id that cannot exist is 404 at once, and no group process starts for it. */
    public static GroupId groupId(Context ctx) {
        String text = ctx.pathParam("id");
        return GroupId.parse(text).orElseThrow(() -> new HttpFailure(404, "There is no group " + text + "."));
    }

    public static int memberId(Context ctx) {
        return pathInt(ctx.pathParam("memberId"), "A member id");
    }

    public static int playerId(Context ctx) {
        return pathInt(ctx.pathParam("playerId"), "A player id");
    }

    public static int seq(Context ctx) {
        return pathInt(ctx.pathParam("seq"), "An entry's seq");
    }

    /** The number {@code n} of a payment (a transfer, in the API) in a closed table's frozen plan. */
    public static int paymentNumber(Context ctx) {
        return pathInt(ctx.pathParam("n"), "A payment's number n");
    }

    /**
     * A request id (the API's {@code Idempotency-Key} header, a form's hidden {@code requestId}): 1 to 200 visible
     * ASCII characters, such as a UUID. The table stores it with what the request recorded, so a retry is answered
     * the same without recording anything twice.
     */
    public static Optional<String> requestId(Optional<String> sent) {
        if (sent.isPresent() && !visibleAscii(sent.get(), MAX_REQUEST_ID_LENGTH)) {
            throw new HttpFailure(
                    400,
                    "An Idempotency-Key is 1 to " + MAX_REQUEST_ID_LENGTH
                            + " visible ASCII characters without spaces, such as a UUID.");
        }
        return sent;
    }

    /** A plain decimal such as "20" or "-12.50"; nothing else ("1e3", " 20", "+5", ".5", "1,000") is guessed at. */
    public static Optional<BigDecimal> decimal(String text) {
        if (text.length() > 2 + MAX_WHOLE_DIGITS + MAX_FRACTION_DIGITS
                || !DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text));
    }

    /** A whole number such as "200", "+3" or "-1" that fits in a long. */
    public static OptionalLong wholeNumber(String text) {
        if (text.length() > 1 + MAX_WHOLE_DIGITS || !WHOLE.matcher(text).matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException beyondLong) {
            return OptionalLong.empty();
        }
    }

    /** At most {@code max} characters of what a client sent, for an error message that repeats it. */
    public static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    private static int pathInt(String text, String what) {
        // One spelling per id, so no two paths name one player or entry: no "+1", no "0001".
        OptionalLong value = pathIntShape(text) ? wholeNumber(text) : OptionalLong.empty();
        if (value.isEmpty() || value.getAsLong() != (int) value.getAsLong()) {
            throw new HttpFailure(400, what + " is a whole number, not \"" + text + "\".");
        }
        return (int) value.getAsLong();
    }

    // The two shapes below are read by hand, not by a regular expression: every change to a table checks them, and a
    // pattern's matcher was a measurable part of a request's CPU (issue 14).

    /** Whether {@code text} matches {@code [\x21-\x7E]{1,maxLength}}: visible ASCII, no spaces. */
    static boolean visibleAscii(String text, int maxLength) {
        int length = text.length();
        if (length < 1 || length > maxLength) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} matches {@code 0|-?[1-9][0-9]{0,9}}: one spelling per number, at most ten digits. */
    static boolean pathIntShape(String text) {
        if (text.equals("0")) {
            return true;
        }
        int start = text.startsWith("-") ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > 10 || text.charAt(start) < '1' || text.charAt(start) > '9') {
            return false;
        }
        for (int i = start + 1; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

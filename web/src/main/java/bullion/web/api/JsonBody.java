package bullion.web.api;

import bullion.core.BuyInSize;
import bullion.core.Command;
import bullion.core.MissingChips;
import bullion.core.Paid;
import bullion.core.PayApp;
import bullion.web.HttpFailure;
import bullion.web.Input;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A request body read as a JSON object into the core command it asks for; a failure says which field is wrong
 * and how. Only JSON shape is checked (present, string, a whole number that fits in a long, a plain decimal read
 * by {@link Input}); whether a value is allowed is the core's call.
 */
final class JsonBody {

    private static final Pattern JSON = Pattern.compile("application/json(;charset=\"?utf-8\"?)?");

    /** How much of a refused value an error message repeats. */
    static final int MAX_ECHOED = 40;

    private final ObjectNode object;

    private JsonBody(ObjectNode object) {
        this.object = object;
    }

    /**
     * The request's body: JSON in UTF-8, said so by {@code Content-Type: application/json} (415 otherwise), and
     * invalid UTF-8 is 400, never replaced. An empty body needs no type.
     */
    static JsonBody of(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        String sent = ctx.header("Content-Type");
        // The usual spelling is taken as it is; any other is normalised and matched as before (issue 14: a change's
        // CPU went partly to lower-casing, copying and a regular expression for this one header).
        boolean json = "application/json".equals(sent)
                || JSON.matcher(String.valueOf(sent).toLowerCase(Locale.ROOT).replace(" ", ""))
                        .matches();
        if (bytes.length > 0 && !json) {
            throw new HttpFailure(415, "A request body is JSON: send it with Content-Type: application/json.");
        }
        try {
            return parse(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            throw new HttpFailure(400, "The request body is not valid UTF-8.");
        }
    }

    /** An empty body counts as {@code {}}, so commands without fields (close, reopen) need no body. */
    static JsonBody parse(String text) {
        if (text.isBlank()) {
            return new JsonBody(ApiRoutes.MAPPER.createObjectNode());
        }
        JsonNode node;
        try {
            node = ApiRoutes.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new HttpFailure(400, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new HttpFailure(400, "The request body must be a JSON object, not " + describe(node) + ".");
        }
        return new JsonBody(object);
    }

    /** {@code {"name","buyIn":"20.00","chipsPerBuyIn":100,"currency":"USD"}}; currency defaults to USD. */
    Command.OpenTable openTable() {
        return openTable(Optional.of("USD"));
    }

    /**
     * As {@link #openTable()}, with the currency defaulting to {@code defaultCurrency}; empty leaves a missing
     * currency null, for a table opened in a group, which is played in the group's currency.
     */
    Command.OpenTable openTable(Optional<String> defaultCurrency) {
        String name = requiredText("name");
        String buyInText = requiredText("buyIn");
        BigDecimal buyIn = Input.decimal(buyInText)
                .orElseThrow(() -> new HttpFailure(
                        400,
                        "\"buyIn\" must be a decimal "
                                + "string such as \"20.00\" (at most " + Input.MAX_WHOLE_DIGITS
                                + " digits before the point and "
                                + Input.MAX_FRACTION_DIGITS + " after), not \"" + Input.shortened(buyInText, MAX_ECHOED)
                                + "\"."));
        long chipsPerBuyIn = requiredWholeNumber("chipsPerBuyIn");
        // Upper-cased as the form does, so "usd" is USD here too; the core decides whether the code exists.
        String currency = optionalText("currency")
                .map(c -> c.strip().toUpperCase(Locale.ROOT))
                .or(() -> defaultCurrency)
                .orElse(null);
        return new Command.OpenTable(name, currency, buyIn, chipsPerBuyIn, paid("defaultPaid"));
    }

    /**
     * {@code {"count":1}} standard buy-ins (one when the body says neither) or {@code {"chips":150}}, and
     * {@code "paid":"cash"|"credit"} (the table's default when left out).
     */
    Command.BuyIn buyIn(int playerId) {
        Optional<Long> chips = optionalWholeNumber("chips");
        if (chips.isPresent() && object.hasNonNull("count")) {
            throw new HttpFailure(
                    400, "A buy-in is either \"count\" standard buy-ins or a number of \"chips\", not both.");
        }
        BuyInSize size = chips.<BuyInSize>map(BuyInSize.Chips::new)
                .orElseGet(
                        () -> new BuyInSize.Count(optionalWholeNumber("count").orElse(1L)));
        return new Command.BuyIn(playerId, size, paid("paid"));
    }

    /** {@code {"missingChips": "share" | {"cashOutTo": playerId}}}, or no body when no chips are out. */
    Command.CloseTable closeTable() {
        JsonNode how = object.get("missingChips");
        if (how == null || how.isNull()) {
            return new Command.CloseTable();
        }
        if (how.isTextual() && how.textValue().equals("share")) {
            return new Command.CloseTable(Optional.of(new MissingChips.SharedBack()));
        }
        if (how instanceof ObjectNode choice && choice.size() == 1) {
            long player = new JsonBody(choice).requiredWholeNumber("cashOutTo");
            if (player == (int) player) {
                return new Command.CloseTable(Optional.of(new MissingChips.CashedOutBy((int) player)));
            }
        }
        throw new HttpFailure(400, "\"missingChips\" must be \"share\" or {\"cashOutTo\": <player id>}.");
    }

    /**
     * {@code "payHandles": {"venmo": "ann-lee", …}}: the player's handles from now on (an app left out or blank has
     * none); empty when the body leaves the field out.
     */
    Optional<Command.SetPayHandles> payHandles(int playerId) {
        return present("payHandles", "an object", JsonNode::isObject).map(node -> {
            Map<PayApp, String> handles = new EnumMap<>(PayApp.class);
            JsonBody given = new JsonBody((ObjectNode) node);
            for (PayApp app : PayApp.values()) {
                given.optionalText(TableJson.key(app)).ifPresent(handle -> handles.put(app, handle));
            }
            node.fieldNames().forEachRemaining(name -> {
                if (Arrays.stream(PayApp.values())
                        .noneMatch(app -> TableJson.key(app).equals(name))) {
                    throw new HttpFailure(
                            400,
                            "\"payHandles\" takes venmo, paypal, cashApp, revolut and monzo, not \""
                                    + Input.shortened(name, MAX_ECHOED) + "\".");
                }
            });
            return new Command.SetPayHandles(playerId, handles);
        });
    }

    /** {@code "cash"} or {@code "credit"}; empty when left out. */
    private Optional<Paid> paid(String field) {
        return optionalText(field).map(text -> switch (text) {
            case "cash" -> Paid.CASH;
            case "credit" -> Paid.CREDIT;
            default ->
                throw new HttpFailure(
                        400,
                        "\"" + field + "\" must be \"cash\" or \"credit\", not \"" + Input.shortened(text, MAX_ECHOED)
                                + "\".");
        });
    }

    String requiredText(String field) {
        return optionalText(field).orElseThrow(() -> missing(field, "a string"));
    }

    Optional<String> optionalText(String field) {
        return present(field, "a string", JsonNode::isTextual).map(JsonNode::textValue);
    }

    long requiredWholeNumber(String field) {
        return optionalWholeNumber(field).orElseThrow(() -> missing(field, "a whole number"));
    }

    Optional<Long> optionalWholeNumber(String field) {
        return present(field, "a whole number", JsonNode::isNumber).map(node -> {
            // Checked on the node, never by converting: 1e999999999 as a BigDecimal is cheap, but its plain digits or
            // an
            // exact conversion are a billion characters of work. asText() keeps the exponent, so it stays short.
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw new HttpFailure(
                        400,
                        "\"" + field + "\" must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                                + ", not " + Input.shortened(node.asText(), MAX_ECHOED) + ".");
            }
            return node.longValue();
        });
    }

    /** A JSON null counts as absent, the same as leaving the field out. */
    private Optional<JsonNode> present(String field, String expected, Predicate<JsonNode> shape) {
        JsonNode node = object.get(field);
        if (node != null && !node.isNull() && !shape.test(node)) {
            throw new HttpFailure(400, "\"" + field + "\" must be " + expected + ", not " + describe(node) + ".");
        }
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    private static HttpFailure missing(String field, String expected) {
        return new HttpFailure(400, "\"" + field + "\" is required: " + expected + ".");
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "something else";
        };
    }
}

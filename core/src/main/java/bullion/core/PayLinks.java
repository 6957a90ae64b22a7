package bullion.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ready-made links that open a payment app with the payee, the amount and a note naming the table, where the
 * service supports each. Every link comes from a fixed template, and every part put into it is percent-encoded
 * (RFC 3986: all but letters, digits and "-._~"), so no handle, note or amount can change the link's shape.
 */
public final class PayLinks {

    private PayLinks() {}

    /** One link: which app it opens and its URL. */
    public record PayLink(PayApp app, String url) {}

    /** The links for paying {@code amount} to a payee with these handles, in {@link PayApp} order; none without. */
    public static List<PayLink> forPayment(Map<PayApp, String> payeeHandles, Money amount, String tableName) {
        List<PayLink> links = new ArrayList<>();
        for (PayApp app : PayApp.values()) {
            String handle = payeeHandles.get(app);
            if (handle != null) {
                links.add(new PayLink(app, url(app, handle, amount, tableName)));
            }
        }
        return links;
    }

    /** The links for paying {@code payment} of {@code table}'s settle-up: none when the bank is paid. */
    public static List<PayLink> forPayment(Table table, Payment payment) {
        Map<PayApp, String> handles = payment.to() instanceof Party.Player to
                ? table.player(to.playerId()).map(Player::payHandles).orElse(Map.of())
                : Map.of();
        return forPayment(handles, payment.amount(), table.settings().name());
    }

    static String url(PayApp app, String handle, Money amount, String note) {
        String user = encode(handle);
        String value = encode(amount.toDecimalString());
        String code = amount.currency().getCurrencyCode();
        return switch (app) {
            // Venmo pays in US dollars only; elsewhere the link opens the profile.
            case VENMO ->
                code.equals("USD")
                        ? "https://venmo.com/" + user + "?txn=pay&amount=" + value + "&note=" + encode(note)
                        : "https://venmo.com/" + user;
            case PAYPAL -> "https://paypal.me/" + user + "/" + value + encode(code);
            // Cash App takes an amount in US dollars or pounds.
            case CASH_APP ->
                code.equals("USD") || code.equals("GBP")
                        ? "https://cash.app/$" + user + "/" + value
                        : "https://cash.app/$" + user;
            case REVOLUT -> "https://revolut.me/" + user;
            // Monzo.me takes an amount in pounds and a description.
            case MONZO ->
                code.equals("GBP")
                        ? "https://monzo.me/" + user + "/" + value + "?d=" + encode(note)
                        : "https://monzo.me/" + user;
        };
    }

    /** Percent-encodes every byte of the UTF-8 form except RFC 3986's unreserved characters. */
    static String encode(String part) {
        StringBuilder out = new StringBuilder();
        for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}

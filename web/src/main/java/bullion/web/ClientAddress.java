package bullion.web;

import io.javalin.http.Context;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Enumeration;

/**
 * Who a request comes from, as far as rate limits and remembered table creations are concerned. Behind a trusted proxy the peer is the
 * proxy, so the client is the last X-Forwarded-For entry (the one the proxy itself added; earlier entries are
 * whatever the client claimed). An IPv6 client is its /64: one home or phone gets a whole /64 and can pick
 * a fresh address in it for every request.
 */
public final class ClientAddress {

    private static final String ATTRIBUTE = "bullion.client";

    private ClientAddress() {}

    /** The client of this request as the server's filters saw it; what rate limits and idempotency keys count by. */
    public static String of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    /** Works out the client once per request, before any handler. */
    static void remember(Context ctx, boolean trustProxy) {
        String last = trustProxy ? lastHop(lastHeader(ctx.req().getHeaders("X-Forwarded-For"))) : "";
        ctx.attribute(ATTRIBUTE, key(last.isEmpty() ? ctx.ip() : last));
    }

    private static String lastHeader(Enumeration<String> values) {
        String last = "";
        while (values != null && values.hasMoreElements()) {
            last = values.nextElement();
        }
        return last;
    }

    /**
     * The last comma-separated entry of {@code header}, stripped: what {@code header.split(",")}'s last element is
     * (split drops trailing empty strings, so trailing commas are skipped), without the array and a string per hop
     * for every request behind a proxy (issue 14).
     */
    static String lastHop(String header) {
        int end = header.length();
        while (end > 0 && header.charAt(end - 1) == ',') {
            end--;
        }
        return header.substring(header.lastIndexOf(',', end - 1) + 1, end).strip();
    }

    /** An IPv6 address's /64 prefix (e.g. "2001:db8:0:1::/64"); anything else unchanged. */
    static String key(String address) {
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        // Only a string with a colon is parsed: the JDK takes it as an IPv6 literal and never asks DNS.
        if (!literal.contains(":")) {
            return literal;
        }
        int zone = literal.indexOf('%');
        try {
            InetAddress parsed = InetAddress.getByName(zone < 0 ? literal : literal.substring(0, zone));
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress(); // an IPv4-mapped address: the IPv4 client it stands for
            }
            byte[] bytes = parsed.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int group = 0; group < 4; group++) {
                prefix.append(Integer.toHexString(((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException notAnAddress) {
            return literal;
        }
    }
}

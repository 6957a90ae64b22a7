package bullion.web.pages;

import bullion.core.PayLinks;
import java.util.List;

/**
 * One settle-up payment: "{from} pays {to} {amount}", numbered {@code n} in the frozen plan, with its paid mark,
 * the links that pay its payee, and the request id and error of its paid toggle.
 */
public record Payment(
        int n,
        String from,
        String to,
        String amount,
        boolean paid,
        List<PayLinks.PayLink> links,
        String requestId,
        String error) {}

package bullion.web.pages;

/**
 * One ledger entry, ready to show. {@code at} is ISO-8601 for the {@code <time>} element, {@code atText} the
 * server's fallback (UTC) until the browser shows local time. A voided entry is struck through and cannot be
 * voided again.
 */
public record LedgerRow(
        int seq,
        String at,
        String atText,
        String player,
        String what,
        String amount,
        boolean voided,
        String voidReason,
        String voidRequestId,
        String voidError) {}

package bullion.web.pages;

/**
 * One player's line, ready to show. {@code netClass} is "won", "lost" or "even" for the colour; the request
 * ids make a double tap on a form record one change, not two.
 */
public record PlayerRow(int id, String name, long buyIns, long chipsBought, long chipsCashedOut, long chipsOut,
    String paidIn, String net, String netClass, String buyInRequestId, String cashOutRequestId,
    String buyInError, String cashOutError) {}

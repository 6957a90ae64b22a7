package bullion.web.pages;

import java.util.List;

/**
 * One player's line, ready to show. {@code inFront} is the chips in front of them, "done" once they have cashed
 * out, or a dash before they have bought any. {@code netClass} is "won", "lost" or "even" for the colour, or "playing" while they
 * still have chips in front of them on an open table, when {@code net} is what they are in for ("in $40.00"); the request
 * ids make a double tap on a form record one change, not two. {@code adjustment} is their part of chips still out
 * at the close ("" when none); {@code handles} fill the edit form, one per payment app.
 */
public record PlayerRow(
        int id,
        String name,
        long buyIns,
        long chipsBought,
        long chipsCashedOut,
        String inFront,
        boolean done,
        String paidIn,
        String net,
        String netClass,
        String buyInRequestId,
        String cashOutRequestId,
        String buyInError,
        String cashOutError,
        String paidCash,
        String adjustment,
        List<Handle> handles,
        String chipsRequestId,
        String editRequestId,
        String editError) {

    /** A pay handle's form field: its name, the app's label and sign, the handle kept ("" for none), its longest. */
    public record Handle(String field, String label, String sign, String value, int maxLength) {}
}

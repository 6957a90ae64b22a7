package bullion.web.pages;

/** One settle-up payment: "{from} pays {to} {amount}". */
public record Payment(String from, String to, String amount) {}

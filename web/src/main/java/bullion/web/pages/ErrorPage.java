package bullion.web.pages;

/** A plain-words page for a request that went wrong: never a stack trace. */
public record ErrorPage(int status, String title, String message) {}

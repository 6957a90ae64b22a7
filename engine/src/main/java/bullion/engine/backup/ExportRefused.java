package bullion.engine.backup;

/**
 * A file that cannot be imported, and why in a sentence a person can act on. Nothing was created. The reason's kind
 * lets a delivery layer pick its status (a file too large is 413, any other refusal 400).
 */
public final class ExportRefused extends RuntimeException {

    /** What is wrong with the file. */
    public enum Reason {
        /** Not JSON, or JSON that is not a Bullion table export. */
        NOT_AN_EXPORT,
        /** A Bullion export of a format version this Bullion does not read. */
        UNKNOWN_VERSION,
        /** A Bullion export with a field missing or of the wrong kind. */
        MALFORMED,
        /** The content does not match its SHA-256 digest: changed or damaged since it was exported. */
        DIGEST_MISMATCH,
        /** The events do not rebuild a table (an unknown or unreadable event, one out of order, a table opened twice). */
        DOES_NOT_REPLAY,
        /** Over {@link TableExport#MAX_BYTES}. */
        TOO_LARGE
    }

    private final Reason reason;

    public ExportRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

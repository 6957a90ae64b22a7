package bullion.engine.json;

/**
 * Marks engine messages, events and state that Pekko serializes as JSON (bound to jackson-json in
 * {@code bullion-engine.conf}), so that they can cross nodes and live in the journal.
 */
public interface JsonSerializable {}

package bullion.engine.json;

/**
 * Marks engine values that Pekko serializes as JSON so that they can cross nodes (bound to bullion-messages in
 * {@code bullion-engine.conf}); the stored ones, events and snapshots, are bound more specifically to
 * {@link StoredFormatSerializer}.
 */
public interface JsonSerializable {}

package bullion.core;

import java.time.Instant;

/**
 * A fact about a table, in the past tense. Events are what the journal keeps: replaying them through
 * {@link EventApplier} rebuilds the table exactly, so their shape is a stored format and must stay stable.
 */
public sealed interface Event {

  /** Amounts are stored as minor units of the currency so that replay never re-parses a decimal. */
  record TableOpened(String name, String currencyCode, long buyInMinor, long chipsPerBuyIn) implements Event {}

  record PlayerJoined(int playerId, String name) implements Event {}

  record BoughtIn(int seq, Instant at, int playerId, long count) implements Event {}

  record CashedOut(int seq, Instant at, int playerId, long chips) implements Event {}

  record EntryVoided(int seq, Instant at, String reason) implements Event {}

  record TableClosed(Instant at) implements Event {}

  record TableReopened(Instant at) implements Event {}
}

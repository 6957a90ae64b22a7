/**
 * The table servers: one event-sourced Pekko actor per table (the OTP GenServer), found and started by
 * Cluster Sharding (the Registry), restarted by supervision, journaled through JDBC. {@link bullion.engine.Tables}
 * is the facade that delivery layers call; nothing outside this module sees an actor.
 */
package bullion.engine;

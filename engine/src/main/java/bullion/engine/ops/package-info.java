/**
 * What an operator sees of the table servers: {@link bullion.engine.ops.Health} (is this node alive, can it serve a
 * change now), {@link bullion.engine.ops.EngineMetrics} (changes, journal writes, live tables, cluster members, into
 * whatever Micrometer registry the app hands in) and {@link bullion.engine.ops.LogContext} (the request id that ties a
 * request's log lines together, carried to the table's actor). Nothing here knows the web.
 */
package bullion.engine.ops;

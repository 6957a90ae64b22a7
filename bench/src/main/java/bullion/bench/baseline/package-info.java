/**
 * The stateless baseline: per request, read a table's events, replay, decide, append (the design Bullion
 * replaced), so the load generator can put the same mix on both and print the ratio.
 */
package bullion.bench.baseline;

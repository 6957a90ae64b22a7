/** The load generator: realistic nights over the JSON API, closed and open loop, live viewers, child servers. */
package bullion.bench.load;

/** Bullion's benchmark suite: one command runs the load generator, the baseline and the JMH benchmarks. */
package bullion.bench;

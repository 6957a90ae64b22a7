/** JMH benchmarks of the pure core, run by {@code java -jar bench/target/bullion-bench.jar core}. */
package bullion.bench.core;

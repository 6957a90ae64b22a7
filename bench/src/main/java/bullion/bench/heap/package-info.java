/**
 * The idle-tables scenario: many tables of a realistic night live in one table system in this JVM, weighed on the
 * heap after full collections, with a class histogram of what each costs (BENCHMARKS.md, "Idle tables").
 */
package bullion.bench.heap;

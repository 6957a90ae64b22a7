/**
 * Three real Bullion processes (the packaged jar, each in its own JVM) on loopback ports over one PostgreSQL database:
 * the failover and rolling-restart integration tests ({@code *IT}, run by failsafe after {@code package}) and what
 * they share: a node, a round-robin client like a load balancer's, and a steady load with its figures.
 */
package bullion.app.cluster;

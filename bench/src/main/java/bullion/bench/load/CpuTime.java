package bullion.bench.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU time the server and the generator used during a measured phase. On a machine shared with other work the
 * throughput moves with the load, while the server's CPU time per request moves much less: it says what a request
 * costs, and so what the server could do with the cores to itself.
 */
public final class CpuTime {

    private final Optional<ProcessHandle> server;
    private final Duration serverBefore;
    private final Duration generatorBefore;
    private final long began = System.nanoTime();

    private CpuTime(Optional<ProcessHandle> server) {
        this.server = server;
        this.serverBefore = server.map(CpuTime::cpu).orElse(Duration.ZERO);
        this.generatorBefore = cpu(ProcessHandle.current());
    }

    /** Starts counting; {@code server} is empty when the bench loads a server it did not start ({@code --url}). */
    public static CpuTime start(Optional<ProcessHandle> server) {
        return new CpuTime(server);
    }

    /** One line: the server's CPU per request and cores busy, the generator's cores busy. */
    public void print(PrintStream out, Stats stats) {
        double wall = (System.nanoTime() - began) / 1e9;
        double generator = (cpu(ProcessHandle.current()).minus(generatorBefore)).toNanos() / 1e9;
        if (server.isEmpty()) {
            out.printf("CPU: generator %.2f cores busy (the server's is not known with --url)%n", generator / wall);
            return;
        }
        double used = (cpu(server.get()).minus(serverBefore)).toNanos() / 1e9;
        out.printf(
                "CPU: server %.3f ms per request, %.2f cores busy; generator %.2f cores busy; load average %.1f%n",
                stats.count() == 0 ? 0 : used * 1000 / stats.count(),
                used / wall,
                generator / wall,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}

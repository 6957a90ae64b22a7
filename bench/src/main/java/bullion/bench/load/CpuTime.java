package bullion.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final long serverKernelTicksBefore;
    private final long began = System.nanoTime();

    private CpuTime(Optional<ProcessHandle> server) {
        this.server = server;
        this.serverBefore = server.map(CpuTime::cpu).orElse(Duration.ZERO);
        this.serverKernelTicksBefore = server.map(CpuTime::kernelTicks).orElse(-1L);
        this.generatorBefore = cpu(ProcessHandle.current());
    }

    /** Starts counting; {@code server} is empty when the bench loads a server it did not start ({@code --url}). */
    public static CpuTime start(Optional<ProcessHandle> server) {
        return new CpuTime(server);
    }

    /**
     * One line: the server's CPU per request and cores busy, the generator's cores busy. Answers the server's CPU
     * milliseconds per request, NaN when it is not known.
     */
    public double print(PrintStream out, Stats stats) {
        return print(out, stats.count(), "request");
    }

    /** The same line, with the server's CPU per {@code unit} ({@code units} of them in the phase). */
    public double print(PrintStream out, long units, String unit) {
        double wall = (System.nanoTime() - began) / 1e9;
        double generator = (cpu(ProcessHandle.current()).minus(generatorBefore)).toNanos() / 1e9;
        if (server.isEmpty()) {
            out.printf("CPU: generator %.2f cores busy (the server's is not known with --url)%n", generator / wall);
            return Double.NaN;
        }
        double used = (cpu(server.get()).minus(serverBefore)).toNanos() / 1e9;
        double perRequest = units == 0 ? 0 : used * 1000 / units;
        long kernelTicksAfter = kernelTicks(server.get());
        String kernel = serverKernelTicksBefore < 0 || kernelTicksAfter < 0 || used == 0
                ? ""
                : String.format(
                        " (%.0f %% of it in the kernel)",
                        100 * (kernelTicksAfter - serverKernelTicksBefore) / TICKS_PER_SECOND / used);
        out.printf(
                "CPU: server %.3f ms per %s%s, %.2f cores busy; generator %.2f cores busy; load average %.1f%n",
                perRequest, unit, kernel, used / wall, generator / wall, loadAverage());
        return perRequest;
    }

    /** The machine's load average over the last minute, printed beside figures that other work on the cores moves. */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Linux's USER_HZ, the unit of /proc/[pid]/stat's times (100 on every Linux architecture Java runs on). */
    private static final double TICKS_PER_SECOND = 100;

    /**
     * The process's system time so far in clock ticks (field 15 of /proc/[pid]/stat: system calls, waking threads,
     * the network stack), or -1 where there is no such file: what a profile of the Java code does not show.
     */
    private static long kernelTicks(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(after[12]);
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}

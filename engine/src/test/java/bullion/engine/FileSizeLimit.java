package bullion.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * This JVM's limit on the size of the files it writes (Linux's {@code RLIMIT_FSIZE}), set through util-linux's
 * {@code prlimit} on this process, as no Java API sets it. At limit 0 every write a thread of this JVM makes to a file
 * fails with {@code EFBIG} ("File too large"; the JVM ignores the {@code SIGXFSZ} that comes with it), while reads and
 * everything already written stay: the nearest to a full disk a test can get without a mount of its own. Only the soft
 * limit is lowered, so it can be lifted again without privilege.
 */
final class FileSizeLimit {

    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");

    private FileSizeLimit() {}

    /** Fails the test with the reason, unless this is Linux with {@code prlimit}. */
    static void requireAvailable() {
        if (!Files.isExecutable(PRLIMIT)) {
            throw new AssertionError(PRLIMIT + " is missing: install util-linux, which sets this test's fault");
        }
    }

    /** From now on no file written by this JVM can grow past {@code bytes}; 0: every write to a file fails. */
    static void set(long bytes) {
        prlimit("--fsize=" + bytes + ":unlimited");
    }

    /** Files may grow again. */
    static void lift() {
        prlimit("--fsize=unlimited:unlimited");
    }

    private static void prlimit(String limit) {
        List<String> command = List.of(
                PRLIMIT.toString(),
                "--pid",
                String.valueOf(ProcessHandle.current().pid()),
                limit);
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
    }
}

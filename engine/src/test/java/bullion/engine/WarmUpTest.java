package bullion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A warm-up runs on a daemon thread of its own, and its failure stays there. */
class WarmUpTest {

    @Test
    void runsTheWorkOnADaemonThread() throws InterruptedException {
        AtomicBoolean ran = new AtomicBoolean();
        Thread thread = WarmUp.start("test", () -> {
            ran.set(Thread.currentThread().isDaemon());
            return 1;
        });
        assertThat(thread.join(Duration.ofSeconds(10))).isTrue();
        assertThat(ran).isTrue();
        assertThat(thread.getName()).isEqualTo("bullion-warm-up-test");
    }

    @Test
    void aFailureIsLoggedNotThrown() throws InterruptedException {
        List<Throwable> uncaught = new ArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try {
            Thread thread = WarmUp.start("failing", () -> {
                throw new IllegalStateException("a reader broke");
            });
            assertThat(thread.join(Duration.ofSeconds(10))).isTrue();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(uncaught).isEmpty();
    }
}

package bullion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The web's warm-up renders the sample night's answers, on a thread the start does not wait for. */
class WebWarmUpTest {

    @Test
    void rendersTheApiAnswersAndBothPages() {
        // A view page alone is several kilobytes; an API answer hundreds of bytes.
        assertThat(WebWarmUp.run()).isGreaterThan(10_000);
    }

    @Test
    void runsOnADaemonThread() throws InterruptedException {
        Thread warmUp = WebWarmUp.start();
        assertThat(warmUp.isDaemon()).isTrue();
        assertThat(warmUp.join(Duration.ofSeconds(30))).isTrue();
    }
}

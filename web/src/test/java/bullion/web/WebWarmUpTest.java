package bullion.web;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.GroupId;
import bullion.engine.SampleNight;
import bullion.engine.TableId;
import bullion.web.pages.PageRenders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The web's warm-up renders the sample night's answers and group page, on a thread the start does not wait for. */
class WebWarmUpTest {

    @Test
    void rendersTheApiAnswersAndBothPages() {
        // A view page alone is several kilobytes; an API answer hundreds of bytes.
        assertThat(WebWarmUp.run()).isGreaterThan(10_000);
    }

    @Test
    void rendersTheSampleGroupsPageWithTheSampleNightInItsStandings() {
        TableId id = TableId.random();
        String page = new String(
                PageRenders.groupPage(GroupId.random(), WebWarmUp.sampleGroup(id, SampleNight.table()), ""),
                StandardCharsets.UTF_8);

        assertThat(page).contains("Friday regulars", "Ari", "/t/" + id);
    }

    @Test
    void runsOnADaemonThread() throws InterruptedException {
        Thread warmUp = WebWarmUp.start();
        assertThat(warmUp.isDaemon()).isTrue();
        assertThat(warmUp.join(Duration.ofSeconds(30))).isTrue();
    }
}

package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Event;
import bullion.core.Table;
import bullion.engine.SampleNight;
import bullion.engine.json.StoredNames;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The warm-up a node runs as it starts covers every kind of stored event, and reads back what it wrote. */
class StoredFormatWarmUpTest {

    @Test
    void theSampleNightHasEveryKindOfEventSoTheWarmUpReachesEveryReader() {
        assertThat(SampleNight.events().stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Event.class.getPermittedSubclasses()));
        assertThat(StoredFormatWarmUp.events())
                .hasAtLeastOneElementOfType(StoredEvent.TableCreated.class)
                .anyMatch(
                        e -> e instanceof StoredEvent.Recorded r && r.request().isPresent())
                .anyMatch(
                        e -> e instanceof StoredEvent.Recorded r && r.request().isEmpty());
    }

    @Test
    void theSampleNightIsATableAsAClosedNightLeavesIt() {
        Table table = SampleNight.table();
        assertThat(table.closed()).isTrue();
        assertThat(table.players()).hasSize(3);
        assertThat(table.entries()).anyMatch(e -> e.voiding().isPresent());
        assertThat(table.closing().orElseThrow().payments()).hasSize(2);
    }

    @Test
    void itWritesAValueOfEveryStoredKindTablesAndGroups() {
        assertThat(StoredFormatWarmUp.values().stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(StoredNames.MANIFESTS.keySet());
    }

    @Test
    void everyValueReadsBackEqual() {
        assertThat(StoredFormatWarmUp.run())
                .isEqualTo(StoredFormatWarmUp.values().size());
    }

    @Test
    void itRunsOnADaemonThreadTheStartDoesNotWaitFor() throws InterruptedException {
        Thread warmUp = StoredFormatWarmUp.start();
        assertThat(warmUp.isDaemon()).isTrue();
        assertThat(warmUp.join(Duration.ofSeconds(30))).isTrue();
    }
}

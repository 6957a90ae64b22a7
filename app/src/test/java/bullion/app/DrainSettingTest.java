package bullion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrainSettingTest {

    @Test
    void aClusteredNodeDrainsFiveSecondsByDefaultAndANodeOnItsOwnNotAtAll() {
        assertThat(DrainSetting.from(Map.of(), true)).isEqualTo(Duration.ofSeconds(5));
        assertThat(DrainSetting.from(Map.of(), false)).isEqualTo(Duration.ZERO);
        assertThat(DrainSetting.from(Map.of("BULLION_DRAIN_SECONDS", " 12 "), false))
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(DrainSetting.from(Map.of("BULLION_DRAIN_SECONDS", "0"), true))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void aBadDrainSaysWhichVariableIsWrong() {
        assertThatThrownBy(() -> DrainSetting.from(Map.of("BULLION_DRAIN_SECONDS", "-1"), true))
                .hasMessage("BULLION_DRAIN_SECONDS must not be negative, not -1");
        assertThatThrownBy(() -> DrainSetting.from(Map.of("BULLION_DRAIN_SECONDS", "5s"), true))
                .hasMessage("BULLION_DRAIN_SECONDS must be a whole number of seconds, not \"5s\"");
    }

    /** The README's configuration table says what the default is. */
    @Test
    void theReadmeStatesTheDefault() throws IOException {
        assertThat(Files.readAllLines(Path.of("..", "README.md")))
                .anyMatch(line ->
                        line.startsWith("| `BULLION_DRAIN_SECONDS` | `5` with `BULLION_SEED_NODES`, else `0` |"));
    }
}

package bullion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionSettingTest {

    @Test
    void retentionIsOffUnlessANumberOfDaysIsSet() {
        assertThat(RetentionSetting.from(Map.of())).isEmpty();
        assertThat(RetentionSetting.from(Map.of("BULLION_RETENTION_DAYS", " "))).isEmpty();
        assertThat(RetentionSetting.from(Map.of("BULLION_RETENTION_DAYS", "90")))
                .hasValue(Duration.ofDays(90));
    }

    @Test
    void aBadRetentionSaysWhichVariableIsWrong() {
        assertThatThrownBy(() -> RetentionSetting.from(Map.of("BULLION_RETENTION_DAYS", "0")))
                .hasMessage("BULLION_RETENTION_DAYS must be at least 1 (or unset to keep tables), not 0");
        assertThatThrownBy(() -> RetentionSetting.from(Map.of("BULLION_RETENTION_DAYS", "a year")))
                .hasMessage("BULLION_RETENTION_DAYS must be a whole number of days, not \"a year\"");
    }

    /** The README's configuration table says retention is off by default. */
    @Test
    void theReadmeStatesTheDefault() throws IOException {
        assertThat(Files.readAllLines(Path.of("..", "README.md")))
                .anyMatch(line -> line.startsWith("| `BULLION_RETENTION_DAYS` | (unset: kept for ever) |"));
    }
}

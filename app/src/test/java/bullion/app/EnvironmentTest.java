package bullion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bullion.engine.EngineSettings;
import bullion.engine.persistence.DatabaseSettings;
import bullion.web.WebSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {

    @Test
    void withNothingSetBullionRunsWithTheEngineAndWebDefaultsOnAnEmbeddedFileUnderData() {
        Environment env = Environment.from(Map.of());
        DatabaseSettings underData = DatabaseSettings.sqliteFile(Path.of("./data"));
        assertThat(underData.url())
                .isEqualTo("jdbc:sqlite:"
                        + Path.of("./data").toAbsolutePath().resolve("bullion.db")
                        + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000");
        assertThat(env.engine()).isEqualTo(EngineSettings.singleNode(underData));
        assertThat(env.web()).isEqualTo(WebSettings.defaults());
    }

    @Test
    void aDataDirAnEarlierVersionFilledGoesOnWithItsH2File(@TempDir Path dataDir) throws IOException {
        Files.createFile(dataDir.resolve("bullion.mv.db"));
        Environment env = Environment.from(Map.of("BULLION_DATA_DIR", dataDir.toString()));
        assertThat(env.engine().database().url())
                .isEqualTo(
                        "jdbc:h2:synced:"
                                + dataDir.toAbsolutePath().resolve("bullion")
                                + ";WRITE_DELAY=0;RETENTION_TIME=1000;PAGE_SIZE=2048;CACHE_SIZE=8192;MAX_COMPACT_TIME=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    /** The defaults live in the code; the README's configuration table says what they are, and must agree. */
    @Test
    void theReadmeStatesTheDefaults() throws IOException {
        Map<String, String> documented = Files.readAllLines(Path.of("..", "README.md")).stream()
                .filter(line -> line.startsWith("| `BULLION_"))
                .map(line -> line.split("\\|"))
                .collect(Collectors.toMap(cells -> cells[1].strip(), cells -> cells[2].strip()));
        Environment env = Environment.from(Map.of());
        assertThat(documented)
                .containsEntry("`BULLION_HTTP_PORT`", "`" + env.web().port() + "`")
                .containsEntry("`BULLION_HTTP_HOST`", "`" + env.web().host() + "`")
                .containsEntry("`BULLION_SNAPSHOT_EVERY`", "`" + env.engine().snapshotEvery() + "`")
                .containsEntry(
                        "`BULLION_PASSIVATE_AFTER_MINUTES`",
                        "`" + env.engine().passivateAfter().toMinutes() + "`")
                .containsEntry("`BULLION_TRUST_PROXY`", "`" + env.web().trustProxy() + "`")
                .containsEntry(
                        "`BULLION_DB_WAIT_SECONDS`",
                        "`" + env.engine().databaseWait().toSeconds() + "`")
                .containsEntry(
                        "`BULLION_RATE_LIMIT_BURST`", "`" + env.web().limits().requestBurst() + "`")
                .containsEntry(
                        "`BULLION_RATE_LIMIT_PER_SECOND`",
                        "`" + env.web().limits().requestsPerMinute() / 60 + "`")
                .containsEntry(
                        "`BULLION_RATE_LIMIT_TABLE_OPENS_PER_MINUTE`",
                        "`" + env.web().limits().tableOpensPerMinute() + "`")
                .containsEntry(
                        "`BULLION_HTTP_MAX_CONNECTIONS`",
                        "`" + env.web().limits().maxConnections() + "`")
                .containsEntry(
                        "`BULLION_HTTP_MAX_CONNECTIONS_PER_CLIENT`",
                        "`" + env.web().limits().maxConnectionsPerClient() + "`")
                .containsEntry(
                        "`BULLION_LIVE_STREAMS_PER_CLIENT`",
                        "`" + env.web().limits().liveStreamsPerClient() + "`")
                .containsEntry(
                        "`BULLION_HTTP_REQUEST_DEADLINE_SECONDS`",
                        "`" + env.web().limits().requestDeadline().toSeconds() + "`");
        assertThat(env.metricsToken()).isEmpty();
        assertThat(documented)
                .containsEntry("`BULLION_METRICS_TOKEN`", "(unset: no `/metrics`)")
                .containsEntry("`BULLION_LOG_FORMAT`", "`" + LogFormat.of(Map.of()) + "`");
        assertThat(env.engine().clusterPort()).isZero();
        assertThat(documented)
                .containsEntry(
                        "`BULLION_CLUSTER_HOST`, `BULLION_CLUSTER_PORT`",
                        "`" + env.engine().clusterHost() + "`, any free port");
        String dataDir = documented.get("`BULLION_DATA_DIR`").replace("`", "");
        assertThat(Environment.from(Map.of("BULLION_DATA_DIR", dataDir))).isEqualTo(env);
    }

    @Test
    void behindAProxyThePublicUrlAndForwardedForCanBeTrusted() {
        Environment env = Environment.from(
                Map.of("BULLION_PUBLIC_URL", "https://bullion.example/", "BULLION_TRUST_PROXY", "true"));
        assertThat(env.web().publicUrl()).hasValue("https://bullion.example");
        assertThat(env.web().trustProxy()).isTrue();
    }

    @Test
    void theWebLimitsCanBeSetAndAZeroIsRefusedByName() {
        WebSettings.Limits limits = Environment.from(Map.of(
                        "BULLION_RATE_LIMIT_BURST",
                        "5000",
                        "BULLION_RATE_LIMIT_PER_SECOND",
                        "1000",
                        "BULLION_RATE_LIMIT_TABLE_OPENS_PER_MINUTE",
                        "100000",
                        "BULLION_HTTP_MAX_CONNECTIONS",
                        "20000",
                        "BULLION_HTTP_MAX_CONNECTIONS_PER_CLIENT",
                        "5000",
                        "BULLION_LIVE_STREAMS_PER_CLIENT",
                        "4",
                        "BULLION_HTTP_REQUEST_DEADLINE_SECONDS",
                        "3"))
                .web()
                .limits();
        assertThat(limits)
                .isEqualTo(new WebSettings.Limits(
                        5000, 60_000, 100_000, 20_000, 5000, 4, java.time.Duration.ofSeconds(3)));
        assertThatThrownBy(() -> Environment.from(Map.of("BULLION_HTTP_MAX_CONNECTIONS_PER_CLIENT", "0")))
                .hasMessage("BULLION_HTTP_MAX_CONNECTIONS_PER_CLIENT must be at least 1, not 0");
        // A minute's allowance of a rate this high does not fit the limiter's int: refused by name, not overflowed.
        assertThat(Environment.from(Map.of("BULLION_RATE_LIMIT_PER_SECOND", "35791394"))
                        .web()
                        .limits()
                        .requestsPerMinute())
                .isEqualTo(2_147_483_640);
        assertThatThrownBy(() -> Environment.from(Map.of("BULLION_RATE_LIMIT_PER_SECOND", "100000000")))
                .hasMessage("BULLION_RATE_LIMIT_PER_SECOND must be at most 35791394, not 100000000");
    }

    @Test
    void theDataDirAndPortCanBeMoved() {
        Environment env = Environment.from(Map.of("BULLION_DATA_DIR", "/srv/bullion", "BULLION_HTTP_PORT", "9090"));
        assertThat(env.engine().database().url()).startsWith("jdbc:sqlite:/srv/bullion/bullion.db?");
        assertThat(env.web().port()).isEqualTo(9090);
    }

    @Test
    void aDatabaseUrlSwitchesToPostgres() {
        Environment env = Environment.from(Map.of(
                "BULLION_DB_URL",
                "jdbc:postgresql://db:5432/bullion",
                "BULLION_DB_USER",
                "bullion",
                "BULLION_DB_PASSWORD",
                "secret"));
        assertThat(env.engine().database())
                .isEqualTo(new DatabaseSettings(
                        DatabaseSettings.Kind.POSTGRES, "jdbc:postgresql://db:5432/bullion", "bullion", "secret"));
    }

    @Test
    void aSqliteUrlNamesTheFile() {
        Environment env = Environment.from(Map.of("BULLION_DB_URL", "jdbc:sqlite:/srv/bullion/journal.db"));
        assertThat(env.engine().database())
                .isEqualTo(new DatabaseSettings(
                        DatabaseSettings.Kind.SQLITE,
                        "jdbc:sqlite:/srv/bullion/journal.db" + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000",
                        "",
                        ""));
        assertThatThrownBy(() -> Environment.from(Map.of("BULLION_DB_URL", "jdbc:sqlite:/srv/j.db?synchronous=OFF")))
                .hasMessageContaining("must name a file and nothing else");
    }

    @Test
    void startUpCanBeToldToWaitForTheDatabase() {
        assertThat(Environment.from(Map.of("BULLION_DB_WAIT_SECONDS", "30"))
                        .engine()
                        .databaseWait())
                .isEqualTo(java.time.Duration.ofSeconds(30));
        assertThatThrownBy(() -> Environment.from(Map.of("BULLION_DB_WAIT_SECONDS", "-1")))
                .hasMessageContaining("BULLION_DB_WAIT_SECONDS must not be negative");
    }

    @Test
    void badSettingsSayWhichVariableIsWrong() {
        assertThatThrownBy(() -> Environment.from(Map.of("BULLION_HTTP_PORT", "eighty")))
                .hasMessageContaining("BULLION_HTTP_PORT must be a whole number");
        assertThatThrownBy(() -> Environment.from(Map.of("BULLION_DB_URL", "jdbc:mysql://x/y")))
                .hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> Environment.from(Map.of("BULLION_TRUST_PROXY", "yes")))
                .hasMessageContaining("BULLION_TRUST_PROXY must be true or false");
        assertThatThrownBy(() -> Environment.from(Map.of("BULLION_PUBLIC_URL", "https://bullion.example/t/x")))
                .hasMessageContaining("BULLION_PUBLIC_URL")
                .hasMessageContaining("origin like https://bullion.example");
    }

    @Test
    void aMetricsTokenMustBeLongAndTheLogFormatTextOrJson() {
        assertThat(Environment.from(Map.of("BULLION_METRICS_TOKEN", "0123456789abcdef0123"))
                        .metricsToken())
                .hasValue("0123456789abcdef0123");
        assertThatThrownBy(() -> Environment.from(Map.of("BULLION_METRICS_TOKEN", "short")))
                .hasMessageStartingWith("BULLION_METRICS_TOKEN: the metrics token must be 16 to 512");
        assertThat(LogFormat.of(Map.of("BULLION_LOG_FORMAT", "JSON"))).isEqualTo("json");
        assertThatThrownBy(() -> Environment.from(Map.of("BULLION_LOG_FORMAT", "xml")))
                .hasMessage("BULLION_LOG_FORMAT must be text or json, not \"xml\"");
    }

    @Test
    void clusterSettingsNameThisNodesAddressAndTheSeedsToJoin() {
        Environment env = Environment.from(Map.of(
                "BULLION_CLUSTER_PORT",
                "25520",
                "BULLION_SEED_NODES",
                "pekko://bullion@127.0.0.1:25520, pekko://bullion@127.0.0.1:25521"));
        assertThat(env.engine().clusterPort()).isEqualTo(25520);
        assertThat(env.engine().seedNodes())
                .containsExactly("pekko://bullion@127.0.0.1:25520", "pekko://bullion@127.0.0.1:25521");
        assertThat(Environment.from(Map.of()).engine().seedNodes()).isEmpty();
    }
}

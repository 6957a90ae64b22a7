package bullion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bullion.engine.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

  @Test
  void withNothingSetBullionRunsOnAnEmbeddedFileUnderDataAndPort8080() {
    Environment env = Environment.from(Map.of());
    assertThat(env.engine().database().kind()).isEqualTo(DatabaseSettings.Kind.H2);
    assertThat(env.engine().database().url())
        .isEqualTo("jdbc:h2:file:" + Path.of("./data").toAbsolutePath().resolve("bullion") + ";WRITE_DELAY=0");
    assertThat(env.web().host()).isEqualTo("127.0.0.1");
    assertThat(env.web().port()).isEqualTo(8080);
    assertThat(env.engine().passivateAfter()).isEqualTo(Duration.ofMinutes(30));
    assertThat(env.engine().snapshotEvery()).isEqualTo(100);
    assertThat(env.web().publicUrl()).isEmpty();
    assertThat(env.web().trustProxy()).isFalse();
  }

  @Test
  void behindAProxyThePublicUrlAndForwardedForCanBeTrusted() {
    Environment env = Environment.from(Map.of("BULLION_PUBLIC_URL", "https://bullion.example/", "BULLION_TRUST_PROXY", "true"));
    assertThat(env.web().publicUrl()).hasValue("https://bullion.example");
    assertThat(env.web().trustProxy()).isTrue();
  }

  @Test
  void theDataDirAndPortCanBeMoved() {
    Environment env = Environment.from(Map.of("BULLION_DATA_DIR", "/srv/bullion", "BULLION_HTTP_PORT", "9090"));
    assertThat(env.engine().database().url()).startsWith("jdbc:h2:file:/srv/bullion/bullion;");
    assertThat(env.web().port()).isEqualTo(9090);
  }

  @Test
  void aDatabaseUrlSwitchesToPostgres() {
    Environment env = Environment.from(Map.of("BULLION_DB_URL", "jdbc:postgresql://db:5432/bullion",
        "BULLION_DB_USER", "bullion", "BULLION_DB_PASSWORD", "secret"));
    assertThat(env.engine().database()).isEqualTo(new DatabaseSettings(DatabaseSettings.Kind.POSTGRES,
        "jdbc:postgresql://db:5432/bullion", "bullion", "secret"));
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
        .hasMessageContaining("BULLION_PUBLIC_URL").hasMessageContaining("origin like https://bullion.example");
  }

  @Test
  void clusterSettingsNameThisNodesAddressAndTheSeedsToJoin() {
    Environment env = Environment.from(Map.of("BULLION_CLUSTER_PORT", "25520",
        "BULLION_SEED_NODES", "pekko://bullion@127.0.0.1:25520, pekko://bullion@127.0.0.1:25521"));
    assertThat(env.engine().clusterPort()).isEqualTo(25520);
    assertThat(env.engine().seedNodes())
        .containsExactly("pekko://bullion@127.0.0.1:25520", "pekko://bullion@127.0.0.1:25521");
    assertThat(Environment.from(Map.of()).engine().seedNodes()).isEmpty();
  }
}

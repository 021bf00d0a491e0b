package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.http.ApimoConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the client's rate limit comes from: {@code --rate-limit}, then {@code APIMO_RATE_LIMIT},
 * then the profile, then Apimo's 10/s; the embedded sandbox has none unless it enforces one.
 */
class RateLimitConfigTest {

  @TempDir Path dir;

  private static final Map<String, String> CREDENTIALS =
      Map.of("APIMO_PROVIDER", "1234", "APIMO_TOKEN", "t");

  private static ShellConfig.Options flags(String rate, Integer sandboxRate, boolean sandbox) {
    return new ShellConfig.Options(null, null, null, null, sandbox, false, rate, sandboxRate);
  }

  private static Map<String, String> env(String rate) {
    var env = new java.util.HashMap<>(CREDENTIALS);
    env.put("APIMO_RATE_LIMIT", rate);
    return env;
  }

  private void profile(String line) throws Exception {
    Files.writeString(dir.resolve("default.properties"), line + "\n");
  }

  @Test
  void apimosTenPerSecondByDefault() {
    ShellConfig c = ShellConfig.resolve(flags(null, null, false), CREDENTIALS, dir);
    assertThat(c.rateLimit()).isEqualTo(10);
  }

  @Test
  void flagBeatsEnvironmentBeatsProfile() throws Exception {
    profile("rate-limit=3");
    assertThat(ShellConfig.resolve(flags(null, null, false), CREDENTIALS, dir).rateLimit())
        .isEqualTo(3);
    assertThat(ShellConfig.resolve(flags(null, null, false), env("5"), dir).rateLimit())
        .isEqualTo(5);
    assertThat(ShellConfig.resolve(flags("2.5", null, false), env("5"), dir).rateLimit())
        .isEqualTo(2.5);
    assertThat(ShellConfig.resolve(flags("0", null, false), env("5"), dir).rateLimit()).isZero();
  }

  @Test
  void theProfileKeyMaySpellItWithAnUnderscore() throws Exception {
    profile("rate_limit=4");
    assertThat(ShellConfig.resolve(flags(null, null, false), CREDENTIALS, dir).rateLimit())
        .isEqualTo(4);
  }

  @Test
  void theEmbeddedSandboxHasNoLimitUnlessItEnforcesOne() {
    assertThat(ShellConfig.resolve(flags(null, null, true), env("5"), dir).rateLimit()).isZero();
    ShellConfig strict = ShellConfig.resolve(flags(null, 7, true), Map.of(), dir);
    assertThat(strict.sandboxRateLimit()).isEqualTo(7);
    assertThat(strict.rateLimit()).isEqualTo(7);
    assertThat(ShellConfig.resolve(flags("3", 7, true), Map.of(), dir).rateLimit()).isEqualTo(3);
  }

  @Test
  void aBadValueIsOneLineNamingTheSetting() throws Exception {
    assertThatThrownBy(() -> ShellConfig.resolve(flags("fast", null, false), CREDENTIALS, dir))
        .isInstanceOf(ShellConfig.ConfigException.class)
        .hasMessageStartingWith("--rate-limit must be a number")
        .hasMessageContaining("'fast'");
    assertThatThrownBy(() -> ShellConfig.resolve(flags(null, null, false), env("-1"), dir))
        .hasMessageStartingWith("APIMO_RATE_LIMIT must be");
    profile("rate-limit=ten");
    assertThatThrownBy(() -> ShellConfig.resolve(flags(null, null, false), CREDENTIALS, dir))
        .hasMessageStartingWith("rate-limit in " + dir.resolve("default.properties"));
    assertThatThrownBy(() -> ShellConfig.resolve(flags(null, -2, true), Map.of(), dir))
        .hasMessageStartingWith("--sandbox-rate-limit must be");
  }

  @Test
  void theLibrarysEnvironmentReadsTheSameVariable() {
    assertThat(ApimoConfig.fromEnvironment(env("4")).requestsPerSecond()).isEqualTo(4);
    assertThat(ApimoConfig.fromEnvironment(CREDENTIALS).requestsPerSecond()).isEqualTo(10);
    assertThat(ApimoConfig.fromEnvironment(env("0")).rateLimitText()).isEqualTo("no rate limit");
    assertThat(ApimoConfig.fromEnvironment(env("2.5")).rateLimitText())
        .isEqualTo("rate limit 2.5/s");
  }

  @Test
  void theBannerAndWhoamiSayTheBudget() {
    ShellConfig sandbox = ShellConfig.resolve(flags(null, 7, true), Map.of(), dir);
    try (Connection connection = Connection.open(sandbox)) {
      assertThat(connection.describe()).endsWith("\nrate limit 7/s");
      assertThat(Main.banner(connection)).contains("rate limit 7/s");
    }
  }
}

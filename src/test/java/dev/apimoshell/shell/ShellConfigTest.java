package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.http.ApimoConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellConfigTest {

  @TempDir Path dir;

  private static ShellConfig.Options cli(
      String url, String provider, String token, String profile) {
    return new ShellConfig.Options(url, provider, token, profile, false);
  }

  @Test
  void nothingAnywhereMeansSandbox() {
    ShellConfig c = ShellConfig.resolve(ShellConfig.Options.none(), Map.of(), dir);
    assertThat(c.sandbox()).isTrue();
    assertThat(c.toString()).contains("sandbox");
  }

  @Test
  void sandboxFlagWinsOverEverything() {
    var c =
        ShellConfig.resolve(
            new ShellConfig.Options(null, "p", "t", null, true),
            Map.of("APIMO_PROVIDER", "p", "APIMO_TOKEN", "t"),
            dir);
    assertThat(c.sandbox()).isTrue();
  }

  @Test
  void theLibraryAndTheShellReadOneEnvironmentAndProfileAlike() throws Exception {
    Path profiles = Files.createDirectories(dir.resolve("xdg/apimo-shell"));
    Files.writeString(
        profiles.resolve("default.properties"),
        "base-url=http://apimo.test:8080/\ntoken=profileToken\ninsecure=yes\nrate-limit=2.5\n");
    Map<String, String> env =
        Map.of(
            "XDG_CONFIG_HOME", dir.resolve("xdg").toString(),
            "HOME", dir.resolve("home").toString(),
            "APIMO_PROVIDER", " fromEnv ");

    ApimoConfig library = ApimoConfig.fromEnvironment(env);
    ShellConfig shell =
        ShellConfig.resolve(ShellConfig.Options.none(), env, ShellConfig.configDir(env));
    ApimoConfig shellConfig =
        ApimoConfig.insecure(shell.baseUrl(), shell.provider(), shell.token())
            .withRequestsPerSecond(shell.rateLimit());

    assertThat(shell.insecure()).isTrue();
    assertThat(library.baseUrl()).isEqualTo(shellConfig.baseUrl());
    assertThat(library.provider()).isEqualTo("fromEnv").isEqualTo(shellConfig.provider());
    assertThat(library.token()).isEqualTo("profileToken").isEqualTo(shellConfig.token());
    assertThat(library.requestsPerSecond())
        .isEqualTo(2.5)
        .isEqualTo(shellConfig.requestsPerSecond());

    Map<String, String> badRate = new java.util.HashMap<>(env);
    badRate.put("APIMO_RATE_LIMIT", "fast");
    assertThatThrownBy(() -> ApimoConfig.fromEnvironment(badRate))
        .hasMessageContaining("APIMO_RATE_LIMIT must be a number");
    assertThatThrownBy(
            () ->
                ShellConfig.resolve(
                    ShellConfig.Options.none(), badRate, ShellConfig.configDir(badRate)))
        .hasMessageContaining("APIMO_RATE_LIMIT must be a number");
  }

  @Test
  void commandLineBeatsEnvironmentBeatsProfile() throws Exception {
    Files.writeString(
        dir.resolve("default.properties"),
        "base-url=https://profile.example\nprovider=fromProfile\ntoken=profileToken\n");
    Map<String, String> env =
        Map.of("APIMO_PROVIDER", "fromEnv", "APIMO_BASE_URL", "https://env.example");
    ShellConfig c = ShellConfig.resolve(cli(null, null, "cliToken", null), env, dir);
    assertThat(c.sandbox()).isFalse();
    assertThat(c.token()).isEqualTo("cliToken");
    assertThat(c.provider()).isEqualTo("fromEnv");
    assertThat(c.baseUrl()).isEqualTo("https://env.example");
    assertThat(c.profileFile()).endsWith("default.properties");
  }

  @Test
  void namedProfileIsReadAndBaseUrlDefaults() throws Exception {
    Files.writeString(dir.resolve("prod.properties"), "provider=7\ntoken=s3cret\n");
    ShellConfig c = ShellConfig.resolve(cli(null, null, null, "prod"), Map.of(), dir);
    assertThat(c.provider()).isEqualTo("7");
    assertThat(c.baseUrl()).isEqualTo(dev.apimoshell.http.ApimoConfig.DEFAULT_BASE_URL);
    assertThat(c.toString()).contains("7").doesNotContain("s3cret");
  }

  @Test
  void missingNamedProfileIsAnError() {
    assertThatThrownBy(() -> ShellConfig.resolve(cli(null, null, null, "nope"), Map.of(), dir))
        .isInstanceOf(ShellConfig.ConfigException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void providerWithoutTokenIsAnError() {
    assertThatThrownBy(() -> ShellConfig.resolve(cli(null, "1", null, null), Map.of(), dir))
        .hasMessageContaining("token");
  }

  @Test
  void configDirHonoursXdg() {
    assertThat(ShellConfig.configDir(Map.of("XDG_CONFIG_HOME", "/x/cfg")))
        .isEqualTo(Path.of("/x/cfg/apimo-shell"));
    assertThat(ShellConfig.configDir(Map.of()).toString()).endsWith(".config/apimo-shell");
  }

  @Test
  void configDirFollowsHomeFromTheEnvironment() {
    assertThat(ShellConfig.configDir(Map.of("HOME", "/tmp/elsewhere")))
        .isEqualTo(Path.of("/tmp/elsewhere/.config/apimo-shell"));
  }

  @Test
  void aTokenOnTheCommandLineGetsAWarningPointingToSaferPlaces() {
    ShellConfig c =
        ShellConfig.resolve(cli("https://api.apimo.pro", "1", "s3cret", null), Map.of(), dir);
    assertThat(c.warnings())
        .singleElement()
        .asString()
        .contains("--token", "ps", "APIMO_TOKEN", "profile")
        .doesNotContain("s3cret");
    assertThat(
            ShellConfig.resolve(
                    cli(null, null, null, null),
                    Map.of("APIMO_PROVIDER", "1", "APIMO_TOKEN", "t"),
                    dir)
                .warnings())
        .isEmpty();
  }

  @Test
  void aProfileOthersCanReadGetsAChmodWarning() throws Exception {
    Path profile = dir.resolve("prod.properties");
    Files.writeString(profile, "provider=7\ntoken=s3cret\n");
    Files.setPosixFilePermissions(profile, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(ShellConfig.resolve(cli(null, null, null, "prod"), Map.of(), dir).warnings())
        .singleElement()
        .asString()
        .contains("chmod 600 " + profile)
        .doesNotContain("s3cret");
    Files.setPosixFilePermissions(profile, PosixFilePermissions.fromString("rw-------"));
    assertThat(ShellConfig.resolve(cli(null, null, null, "prod"), Map.of(), dir).warnings())
        .isEmpty();
  }

  @Test
  void plainHttpToAnotherHostIsRefusedUnlessInsecure() throws Exception {
    Map<String, String> env =
        Map.of("APIMO_BASE_URL", "http://apimo.lan", "APIMO_PROVIDER", "1", "APIMO_TOKEN", "t");
    assertThatThrownBy(() -> ShellConfig.resolve(ShellConfig.Options.none(), env, dir))
        .isInstanceOf(ShellConfig.ConfigException.class)
        .hasMessageContaining("in clear")
        .hasMessageContaining("--insecure");

    var flag = new ShellConfig.Options(null, null, null, null, false, true);
    assertThat(ShellConfig.resolve(flag, env, dir).insecure()).isTrue();

    var envFlag = new java.util.HashMap<>(env);
    envFlag.put("APIMO_INSECURE", "1");
    assertThat(ShellConfig.resolve(ShellConfig.Options.none(), envFlag, dir).insecure()).isTrue();

    Files.writeString(dir.resolve("lan.properties"), "insecure=true\n");
    assertThat(ShellConfig.resolve(cli(null, null, null, "lan"), env, dir).insecure()).isTrue();

    assertThat(
            ShellConfig.resolve(cli("http://127.0.0.1:8080", "1", "t", null), Map.of(), dir)
                .baseUrl())
        .isEqualTo("http://127.0.0.1:8080");
  }
}

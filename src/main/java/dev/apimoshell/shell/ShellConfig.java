package dev.apimoshell.shell;

import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.internal.io.EnvSettings;
import dev.apimoshell.internal.io.UserDirs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the shell connects, resolved key by key from the command line, then the environment, then a
 * profile file. Kept apart from {@link Main} so the precedence rules can be tested without a
 * process or a real home directory.
 *
 * <p>No provider and no token anywhere means the embedded sandbox.
 *
 * @param insecure plain {@code http://} to a host other than loopback is allowed (token in clear)
 * @param warnings one line each, for stderr: a token on the command line, a profile others can read
 * @param rateLimit the client's requests per second (0: off): {@code --rate-limit}, then {@code
 *     APIMO_RATE_LIMIT}, then the profile's {@code rate-limit}, then Apimo's 10; for the embedded
 *     sandbox {@code --rate-limit}, else the sandbox's own limit
 * @param sandboxRateLimit what the embedded sandbox enforces (0: nothing), to try a throttle
 *     offline
 */
public record ShellConfig(
    String baseUrl,
    String provider,
    String token,
    boolean sandbox,
    String profileFile,
    boolean insecure,
    List<String> warnings,
    double rateLimit,
    int sandboxRateLimit) {

  /** Apimo's budget: 10 requests per second. */
  public static final double DEFAULT_RATE_LIMIT = 10;

  public ShellConfig {
    warnings = List.copyOf(warnings);
  }

  /**
   * What the user typed on the command line; {@code null} for absent options.
   *
   * @param rateLimit {@code --rate-limit} as typed
   * @param sandboxRateLimit {@code --sandbox-rate-limit}
   */
  public record Options(
      String baseUrl,
      String provider,
      String token,
      String profile,
      boolean sandbox,
      boolean insecure,
      String rateLimit,
      Integer sandboxRateLimit) {

    public Options(String baseUrl, String provider, String token, String profile, boolean sandbox) {
      this(baseUrl, provider, token, profile, sandbox, false);
    }

    public Options(
        String baseUrl,
        String provider,
        String token,
        String profile,
        boolean sandbox,
        boolean insecure) {
      this(baseUrl, provider, token, profile, sandbox, insecure, null, null);
    }

    public static Options none() {
      return new Options(null, null, null, null, false);
    }
  }

  /** Thrown when the configuration cannot be used; the message is meant for the user. */
  public static final class ConfigException extends RuntimeException {
    ConfigException(String message) {
      super(message);
    }
  }

  public static ShellConfig resolve(Options cli, Map<String, String> env, Path configDir) {
    List<String> warnings = new ArrayList<>();
    if (cli.token() != null) {
      warnings.add(
          "warning: --token is visible to every user of this machine (ps, /proc);"
              + " set APIMO_TOKEN or put token= in a profile (chmod 600) instead");
    }
    Double cliRate = rate(cli.rateLimit(), "--rate-limit");
    int sandboxRate = sandboxRate(cli.sandboxRateLimit());
    if (cli.sandbox()) {
      return sandbox(warnings, cliRate, sandboxRate);
    }
    EnvSettings read;
    try {
      read = EnvSettings.read(env, configDir, cli.profile());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    Path profileFile = read.profile();
    warnings.addAll(read.warnings());
    if (read.tokenReadableByOthers()) {
      warnings.add(
          "warning: "
              + profileFile
              + " holds a token and other users can read it; run: chmod 600 "
              + profileFile);
    }
    String provider = first(cli.provider(), read.provider());
    String token = first(cli.token(), read.token());
    String baseUrl = first(cli.baseUrl(), read.baseUrl());
    boolean insecure = cli.insecure() || read.insecure();
    if (provider == null && token == null) {
      if (baseUrl != null) {
        throw new ConfigException(
            "a base URL ("
                + baseUrl
                + ") was given without provider and token;"
                + " set APIMO_PROVIDER and APIMO_TOKEN, or use --sandbox");
      }
      return sandbox(warnings, cliRate, sandboxRate);
    }
    if (sandboxRate > 0) {
      warnings.add("warning: --sandbox-rate-limit is for the embedded sandbox; ignored");
    }
    if (provider == null || token == null) {
      throw new ConfigException(
          "both a provider and a token are needed (only the "
              + (provider == null ? "token" : "provider")
              + " was found)");
    }
    String url = baseUrl == null ? ApimoConfig.DEFAULT_BASE_URL : baseUrl;
    double rateLimit =
        cliRate != null
            ? cliRate
            : read.rateLimit() != null
                ? rate(read.rateLimit(), read.rateLimitSetting())
                : DEFAULT_RATE_LIMIT;
    ApimoConfig checked;
    try {
      checked = ApimoConfig.insecure(url, provider, token);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    if (!insecure && checked.sendsCredentialsInClear()) {
      throw new ConfigException(
          "Refusing "
              + checked.baseUrl()
              + ": plain http sends the token in clear to another machine; use https://, or"
              + " accept the risk with --insecure (or APIMO_INSECURE=true, insecure=true in the"
              + " profile)");
    }
    return new ShellConfig(
        url,
        provider,
        token,
        false,
        profileFile == null ? null : profileFile.toString(),
        insecure,
        warnings,
        rateLimit,
        0);
  }

  /** Off, unless the sandbox enforces a limit (then the same) or {@code --rate-limit} says. */
  private static ShellConfig sandbox(List<String> warnings, Double cliRate, int sandboxRate) {
    return new ShellConfig(
        null,
        null,
        null,
        true,
        null,
        false,
        warnings,
        cliRate != null ? cliRate : sandboxRate,
        sandboxRate);
  }

  private static Double rate(String text, String where) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return ApimoConfig.parseRate(text, where);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static int sandboxRate(Integer value) {
    if (value == null) {
      return 0;
    }
    if (value < 0) {
      throw new ConfigException(
          "--sandbox-rate-limit must be 0 (no limit) or more requests per second; was " + value);
    }
    return value;
  }

  /**
   * {@code $XDG_CONFIG_HOME/apimo-shell}, else {@code $HOME/.config/apimo-shell}; see {@link
   * UserDirs}.
   */
  public static Path configDir(Map<String, String> env) {
    return UserDirs.of(env, System.getProperty("user.home")).config();
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return sandbox ? "embedded sandbox" : baseUrl + " as provider " + provider;
  }
}

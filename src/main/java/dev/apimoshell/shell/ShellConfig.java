package dev.apimoshell.shell;

import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.internal.io.UserDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

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
    Path profileFile = null;
    Properties profile = new Properties();
    if (cli.profile() != null) {
      profileFile = configDir.resolve(cli.profile() + ".properties");
      if (!Files.isRegularFile(profileFile)) {
        throw new ConfigException("profile '" + cli.profile() + "' not found: " + profileFile);
      }
    } else if (Files.isRegularFile(configDir.resolve("default.properties"))) {
      profileFile = configDir.resolve("default.properties");
    }
    if (profileFile != null) {
      try {
        profile = ProfileFile.read(profileFile, warnings);
      } catch (IOException e) {
        throw new ConfigException("cannot read profile " + profileFile + ": " + e.getMessage());
      }
      if (profile.getProperty("token") != null && readableByOthers(profileFile)) {
        warnings.add(
            "warning: "
                + profileFile
                + " holds a token and other users can read it; run: chmod 600 "
                + profileFile);
      }
    }
    String provider =
        first(cli.provider(), env.get("APIMO_PROVIDER"), profile.getProperty("provider"));
    String token = first(cli.token(), env.get("APIMO_TOKEN"), profile.getProperty("token"));
    String baseUrl =
        first(cli.baseUrl(), env.get("APIMO_BASE_URL"), profile.getProperty("base-url"));
    boolean insecure =
        cli.insecure()
            || ApimoConfig.isTrue(env.get("APIMO_INSECURE"))
            || ApimoConfig.isTrue(profile.getProperty("insecure"));
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
            : firstRate(
                env.get("APIMO_RATE_LIMIT"),
                "APIMO_RATE_LIMIT",
                first(profile.getProperty("rate-limit"), profile.getProperty("rate_limit")),
                "rate-limit in " + profileFile);
    try {
      ApimoConfig config = ApimoConfig.insecure(url, provider, token);
      if (!insecure && config.hasCredentials() && config.sendsCredentialsInClear()) {
        throw new ConfigException(
            "Refusing "
                + config.baseUrl()
                + ": plain http sends the token in clear to another machine; use https://, or"
                + " accept the risk with --insecure (APIMO_INSECURE=true, or insecure=true in the"
                + " profile)");
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
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

  private static double firstRate(String env, String envName, String profile, String profileName) {
    Double fromEnv = rate(env, envName);
    if (fromEnv != null) {
      return fromEnv;
    }
    Double fromProfile = rate(profile, profileName);
    return fromProfile != null ? fromProfile : DEFAULT_RATE_LIMIT;
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

  /** Group or others may read it; false where the file system has no POSIX permissions. */
  private static boolean readableByOthers(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
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

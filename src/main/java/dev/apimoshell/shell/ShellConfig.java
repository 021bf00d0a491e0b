package dev.apimoshell.shell;

import dev.apimoshell.http.ApimoConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the shell connects, resolved key by key from the command line, then the environment, then a
 * profile file. Kept apart from {@link Main} so the precedence rules can be tested without a
 * process or a real home directory.
 *
 * <p>No provider and no token anywhere means the embedded sandbox.
 */
public record ShellConfig(
    String baseUrl, String provider, String token, boolean sandbox, String profileFile) {

  /** What the user typed on the command line; {@code null} for absent options. */
  public record Options(
      String baseUrl, String provider, String token, String profile, boolean sandbox) {
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
    if (cli.sandbox()) {
      return new ShellConfig(null, null, null, true, null);
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
      try (Reader in = Files.newBufferedReader(profileFile)) {
        profile.load(in);
      } catch (IOException e) {
        throw new ConfigException("cannot read profile " + profileFile + ": " + e.getMessage());
      }
    }
    String provider =
        first(cli.provider(), env.get("APIMO_PROVIDER"), profile.getProperty("provider"));
    String token = first(cli.token(), env.get("APIMO_TOKEN"), profile.getProperty("token"));
    String baseUrl =
        first(cli.baseUrl(), env.get("APIMO_BASE_URL"), profile.getProperty("base-url"));
    if (provider == null && token == null) {
      if (baseUrl != null) {
        throw new ConfigException(
            "a base URL ("
                + baseUrl
                + ") was given without provider and token;"
                + " set APIMO_PROVIDER and APIMO_TOKEN, or use --sandbox");
      }
      return new ShellConfig(null, null, null, true, null);
    }
    if (provider == null || token == null) {
      throw new ConfigException(
          "both a provider and a token are needed (only the "
              + (provider == null ? "token" : "provider")
              + " was found)");
    }
    return new ShellConfig(
        baseUrl == null ? ApimoConfig.DEFAULT_BASE_URL : baseUrl,
        provider,
        token,
        false,
        profileFile == null ? null : profileFile.toString());
  }

  /** {@code $XDG_CONFIG_HOME/apimo-shell}, else {@code ~/.config/apimo-shell}. */
  public static Path configDir(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "apimo-shell");
    }
    return Path.of(System.getProperty("user.home"), ".config", "apimo-shell");
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

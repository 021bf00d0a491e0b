package dev.apimoshell.internal.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The connection settings of the environment and of a profile, read in one place for the library's
 * default client ({@code ApimoConfig.fromEnvironment}) and the shell ({@code ShellConfig.resolve}):
 * each key from its variable, else from the profile. Values are stripped, blank ones are absent
 * (null); callers check them and name the setting in their messages.
 *
 * <pre>{@code
 * var settings = EnvSettings.read(System.getenv(), UserDirs.fromEnvironment().config(), null);
 * }</pre>
 *
 * @param baseUrl {@code APIMO_BASE_URL}, else the profile's {@code base-url}
 * @param provider {@code APIMO_PROVIDER}, else {@code provider}
 * @param token {@code APIMO_TOKEN}, else {@code token}
 * @param insecure {@code APIMO_INSECURE} or the profile's {@code insecure} is {@code true}
 * @param rateLimit {@code APIMO_RATE_LIMIT}, else {@code rate-limit} (or {@code rate_limit})
 * @param rateLimitSetting where {@code rateLimit} came from, for messages: {@code APIMO_RATE_LIMIT}
 *     or {@code rate-limit in /path/default.properties}; null without one
 * @param profile the profile file read; null when none was
 * @param tokenReadableByOthers the profile holds a token and group or others may read it
 * @param warnings one line for each profile line that could not be read (and was skipped)
 */
public record EnvSettings(
    String baseUrl,
    String provider,
    String token,
    boolean insecure,
    String rateLimit,
    String rateLimitSetting,
    Path profile,
    boolean tokenReadableByOthers,
    List<String> warnings) {

  /** The profile read when none is named: {@code default.properties} of the config folder. */
  public static final String DEFAULT_PROFILE = "default";

  /**
   * Reads {@code env} and the profile {@code profileName} of {@code configDir} (its {@code
   * default.properties} when the name is null and that file exists; none when {@code configDir} is
   * null).
   *
   * @throws IllegalArgumentException when the named profile is missing or the profile unreadable
   */
  public static EnvSettings read(Map<String, String> env, Path configDir, String profileName) {
    Path file = null;
    if (profileName != null) {
      file = configDir.resolve(profileName + ".properties");
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("profile '" + profileName + "' not found: " + file);
      }
    } else if (configDir != null) {
      Path fallback = configDir.resolve(DEFAULT_PROFILE + ".properties");
      file = Files.isRegularFile(fallback) ? fallback : null;
    }
    Properties profile = new Properties();
    List<String> warnings = new ArrayList<>();
    if (file != null) {
      try {
        profile = ProfileFile.read(file, warnings);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read profile " + file + ": " + e.getMessage());
      }
    }
    String envRate = value(env.get("APIMO_RATE_LIMIT"));
    String profileRate =
        first(value(profile.getProperty("rate-limit")), value(profile.getProperty("rate_limit")));
    String token = value(profile.getProperty("token"));
    return new EnvSettings(
        first(value(env.get("APIMO_BASE_URL")), value(profile.getProperty("base-url"))),
        first(value(env.get("APIMO_PROVIDER")), value(profile.getProperty("provider"))),
        first(value(env.get("APIMO_TOKEN")), token),
        isTrue(env.get("APIMO_INSECURE")) || isTrue(profile.getProperty("insecure")),
        first(envRate, profileRate),
        envRate != null ? "APIMO_RATE_LIMIT" : profileRate != null ? "rate-limit in " + file : null,
        file,
        token != null && readableByOthers(file),
        List.copyOf(warnings));
  }

  /** {@code true}, {@code 1} or {@code yes}, in any case. */
  public static boolean isTrue(String value) {
    return value != null
        && Set.of("true", "1", "yes").contains(value.strip().toLowerCase(Locale.ROOT));
  }

  private static String value(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
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
}

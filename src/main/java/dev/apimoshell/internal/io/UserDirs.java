package dev.apimoshell.internal.io;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where apimo-shell keeps its files, resolved from the environment the way XDG tools do: {@code
 * $XDG_CONFIG_HOME/apimo-shell} and {@code $XDG_CACHE_HOME/apimo-shell}, else under {@code $HOME},
 * else under the JVM's {@code user.home}. The environment comes first because {@code user.home} is
 * the account's home, which {@code HOME=/tmp/x apimo-shell} (cron, containers, tests) must not
 * touch.
 *
 * <pre>{@code
 * Path history = UserDirs.fromEnvironment().config().resolve("history");
 * }</pre>
 *
 * @param config settings, profiles and history
 * @param cache data that can be fetched again (catalogs, the request counter)
 */
public record UserDirs(Path config, Path cache) {

  private static final String APP = "apimo-shell";

  /** The folders for this process's environment. */
  public static UserDirs fromEnvironment() {
    return of(System.getenv(), System.getProperty("user.home"));
  }

  /** The folders for {@code env}; {@code userHome} is the last resort when it names no home. */
  public static UserDirs of(Map<String, String> env, String userHome) {
    Path home = absolute(env.get("HOME"));
    if (home == null) {
      home = Path.of(userHome);
    }
    return new UserDirs(
        base(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve(APP),
        base(env.get("XDG_CACHE_HOME"), home.resolve(".cache")).resolve(APP));
  }

  /** The XDG rule: a relative or empty {@code XDG_*} value is ignored. */
  private static Path base(String xdg, Path fallback) {
    Path path = absolute(xdg);
    return path == null ? fallback : path;
  }

  private static Path absolute(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Path path = Path.of(value);
    return path.isAbsolute() ? path : null;
  }
}

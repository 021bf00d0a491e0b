package dev.apimoshell.shell;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's objects bound into sessions ({@code ApimoShell.builder().bind("agency", ref)}), where
 * a snippet declaring the variable picks them up: snippets run in this JVM, so the variable holds
 * the host's object itself. Public only because snippets' generated classes call {@link #get}.
 */
public final class BoundValues {

  private static final Map<String, Map<String, Object>> SESSIONS = new ConcurrentHashMap<>();

  private BoundValues() {}

  static void register(String session, Map<String, Object> values) {
    SESSIONS.put(session, values);
  }

  static void unregister(String session) {
    SESSIONS.remove(session);
  }

  /** The object bound as {@code name} in {@code session}, or null. */
  public static Object get(String session, String name) {
    Map<String, Object> values = SESSIONS.get(session);
    return values == null ? null : values.get(name);
  }
}

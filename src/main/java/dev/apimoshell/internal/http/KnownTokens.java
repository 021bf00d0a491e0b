package dev.apimoshell.internal.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens of the clients alive in this process (registered when built, forgotten when closed),
 * so that text can be checked for them (the shell keeps such lines out of its history) without any
 * way to read them back.
 *
 * <pre>{@code
 * if (KnownTokens.appearIn(line)) { return; }   // do not store the line
 * }</pre>
 */
public final class KnownTokens {

  private static final int SHORT = 8;

  // token -> how many open clients use it
  private static final Map<String, Integer> KNOWN = new ConcurrentHashMap<>();

  private KnownTokens() {}

  /** Remembers {@code secret} until as many {@link #forget} calls; blank or null is ignored. */
  public static void register(String secret) {
    if (secret != null && !secret.isBlank()) {
      KNOWN.merge(secret.strip(), 1, Integer::sum);
    }
  }

  /** A client using {@code secret} was closed: once none is left, the secret is dropped. */
  public static void forget(String secret) {
    if (secret != null && !secret.isBlank()) {
      KNOWN.computeIfPresent(secret.strip(), (key, count) -> count <= 1 ? null : count - 1);
    }
  }

  /**
   * Whether {@code text} contains a registered secret. One shorter than {@value #SHORT} characters
   * (made-up tokens such as {@code "t"}) counts only as a whole string literal, so that it does not
   * match half the lines typed.
   */
  public static boolean appearIn(String text) {
    if (text == null) {
      return false;
    }
    for (String secret : KNOWN.keySet()) {
      String needle = secret.length() < SHORT ? '"' + secret + '"' : secret;
      if (text.contains(needle)) {
        return true;
      }
    }
    return false;
  }
}

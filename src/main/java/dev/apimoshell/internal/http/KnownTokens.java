package dev.apimoshell.internal.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens of every client made in this process, so that text can be checked for them (the shell
 * keeps such lines out of its history) without any way to read them back.
 *
 * <pre>{@code
 * if (KnownTokens.appearIn(line)) { return; }   // do not store the line
 * }</pre>
 */
public final class KnownTokens {

  private static final int SHORT = 8;

  private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

  private KnownTokens() {}

  /** Remembers {@code secret} for the life of the process; blank or null is ignored. */
  public static void register(String secret) {
    if (secret != null && !secret.isBlank()) {
      KNOWN.add(secret.strip());
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
    for (String secret : KNOWN) {
      String needle = secret.length() < SHORT ? '"' + secret + '"' : secret;
      if (text.contains(needle)) {
        return true;
      }
    }
    return false;
  }
}

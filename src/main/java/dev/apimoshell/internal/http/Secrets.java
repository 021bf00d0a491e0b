package dev.apimoshell.internal.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes one account's credentials from text the server sent before it reaches a message, an
 * excerpt or a trace: the token in clear or URL-encoded, and in Base64 (standard or URL-safe, with
 * or without padding, at any alignment), which covers an echoed {@code Authorization: Basic ...}.
 *
 * <pre>{@code
 * Secrets.of("1234", token).redact(body) // "... Basic [redacted] ..."
 * }</pre>
 */
public final class Secrets {
  public static final String MARK = "[redacted]";
  static final Secrets NONE = new Secrets(List.of());

  private final List<String> needles;

  private Secrets(List<String> needles) {
    this.needles = needles;
  }

  public static Secrets of(String provider, String token) {
    if (token == null || token.isEmpty()) {
      return NONE;
    }
    Set<String> found = new LinkedHashSet<>();
    String user = provider == null ? "" : provider;
    for (String credential : List.of(user + ":" + token, encode(user) + ":" + encode(token))) {
      byte[] bytes = credential.getBytes(StandardCharsets.UTF_8);
      found.add(Base64.getEncoder().encodeToString(bytes));
      found.add(Base64.getUrlEncoder().encodeToString(bytes));
    }
    for (String clear : List.of(token, encode(token))) {
      found.add(clear);
      found.addAll(base64AtEveryAlignment(clear.getBytes(StandardCharsets.UTF_8)));
    }
    found.removeIf(String::isEmpty);
    var sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparingInt(String::length).reversed()); // the whole credential first
    return new Secrets(List.copyOf(sorted));
  }

  /** The text with every form of the credentials replaced by {@value #MARK}. */
  public String redact(String text) {
    if (text == null || needles.isEmpty()) {
      return text;
    }
    String out = text;
    for (String needle : needles) {
      if (out.contains(needle)) {
        out = out.replace(needle, MARK);
      }
    }
    return out;
  }

  /**
   * The Base64 characters that depend only on {@code secret}'s bytes, for each of the three ways it
   * can line up with Base64's 3-byte groups inside a longer encoded text.
   */
  private static List<String> base64AtEveryAlignment(byte[] secret) {
    var forms = new ArrayList<String>();
    for (int shift = 0; shift < 3; shift++) {
      byte[] shifted = new byte[shift + secret.length];
      System.arraycopy(secret, 0, shifted, shift, secret.length);
      int skip = (shift * 8 + 5) / 6; // characters that mix in the bytes before the secret
      int end = shifted.length * 8 / 6; // the last whole character before the bytes after it
      for (Base64.Encoder encoder :
          List.of(Base64.getEncoder().withoutPadding(), Base64.getUrlEncoder().withoutPadding())) {
        String encoded = encoder.encodeToString(shifted);
        if (end - skip >= 4) {
          forms.add(encoded.substring(skip, end));
        }
      }
    }
    return forms;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

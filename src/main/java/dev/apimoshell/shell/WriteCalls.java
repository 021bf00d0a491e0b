package dev.apimoshell.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Snippets that write to Apimo ({@code sendLead(...)}, {@code createAction(...)}): what a
 * transcript marks as a write and what {@code /save} comments out, so that {@code /open} of a saved
 * session never sends a lead again.
 *
 * <pre>{@code WriteCalls.neutralised("Apimo.agency(14).sendLead(lead);")}
 * // "// not saved: it writes to Apimo (sendLead); run it again by hand if meant\n// Apimo..."
 * </pre>
 */
final class WriteCalls {
  private static final Pattern WRITE = Pattern.compile("\\b(sendLead|createAction)\\s*\\(");

  private WriteCalls() {}

  /** The write call {@code source} makes ({@code "sendLead"}), or null when it makes none. */
  static String in(String source) {
    Matcher m = WRITE.matcher(source);
    return m.find() ? m.group(1) : null;
  }

  /** {@code source} as it is, or commented out with a note when it writes. */
  static String neutralised(String source) {
    String call = in(source);
    if (call == null) {
      return source;
    }
    return "// not saved as code: it writes to Apimo ("
        + call
        + "); /open must not send it again. Uncomment to mean it.\n// "
        + source.replace("\n", "\n// ");
  }
}

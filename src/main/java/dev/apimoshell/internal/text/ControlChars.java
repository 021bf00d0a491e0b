package dev.apimoshell.internal.text;

/**
 * The sanitiser for values bound for a terminal (tables, cards, text, {@code /raw}): control
 * characters from server data (ESC of an OSC 52 clipboard write or a {@code CSI 2J} screen clear,
 * BEL, NUL, C1 controls, bidi overrides) are shown, never sent raw. Server text quoted in an error
 * message is made safe where the message is built ({@code http.ErrorMessages.oneLine}).
 *
 * <pre>{@code
 * ControlChars.visible("evil\u001b]52;c;aGk=\u0007")  // "evil^[]52;c;aGk=^G"
 * }</pre>
 *
 * <p>C0 controls and DEL read in caret notation ({@code ^[}, {@code ^G}, {@code ^@}, {@code ^?}),
 * C1 controls and bidi controls as {@code <U+009B>}. Line feeds and tabs stay, so multi-line text
 * keeps its lines; a carriage return stays only before a line feed.
 */
public final class ControlChars {

  private ControlChars() {}

  /** {@code text} with every control character but line feed and tab made visible. */
  public static String visible(String text) {
    if (text == null || clean(text)) {
      return text;
    }
    var out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        continue;
      }
      if (c == '\n' || c == '\t' || !isControl(c)) {
        out.append(c);
      } else if (c < 0x20) {
        out.append('^').append((char) (c + 64));
      } else if (c == 0x7f) {
        out.append("^?");
      } else {
        out.append(String.format("<U+%04X>", (int) c));
      }
    }
    return out.toString();
  }

  /** Whether {@code text} can go to a terminal as it is. */
  public static boolean clean(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && c != '\t' && isControl(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isControl(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}

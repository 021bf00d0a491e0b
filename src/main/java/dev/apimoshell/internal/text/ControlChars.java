package dev.apimoshell.internal.text;

/**
 * The one rule for text bound for a terminal or a spreadsheet: which characters are controls and
 * how they are shown. Tables, cards, {@code /raw}, error excerpts, what a snippet prints ({@code
 * shell.print.TerminalSafeOutput}) and CSV/TSV cells ({@code internal.export.CsvCells}, which drops
 * them instead) all ask here, so a character is never safe in one place and raw in another.
 *
 * <pre>{@code
 * ControlChars.visible("evil\u001b]52;c;aGk=\u0007")  // "evil^[]52;c;aGk=^G"
 * ControlChars.visible("Mallory\rGOODNAME")          // "Mallory^MGOODNAME"
 * ControlChars.visible("abc\u202edef")               // "abc<U+202E>def"
 * }</pre>
 *
 * <p>Controls are: C0 and DEL (ESC of an OSC 52 clipboard write or a {@code CSI 2J} screen clear,
 * BEL, NUL, CR that rewrites a line, BS), C1, bidi controls (U+061C, U+200E, U+200F, U+202A to
 * U+202E, U+2066 to U+2069: they reorder what follows, so {@code "txt.exe"} can read {@code
 * "exe.txt"}), the line and paragraph separators U+2028 and U+2029, and invisible characters that
 * make two names look alike (U+200B, U+2060 to U+2064, U+FEFF, U+FFF9 to U+FFFB). C0 and DEL read
 * in caret notation ({@code ^[}, {@code ^M}, {@code ^?}), the others as {@code <U+202E>}. The
 * zero-width joiner and non-joiner stay: emoji sequences and several scripts need them.
 */
public final class ControlChars {

  private ControlChars() {}

  /**
   * {@code text} with every control character but line feed and tab made visible; a carriage return
   * just before a line feed is dropped, so Windows line ends read as lines.
   */
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
      } else {
        out.append(shown(c));
      }
    }
    return out.toString();
  }

  /**
   * {@code text} on one line, every control made visible, line feeds and tabs too: for quoting an
   * argument in a message ({@code Not a catalog name: '../x^J'}).
   */
  public static String inline(String text) {
    if (text == null) {
      return null;
    }
    var out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(isControl(c) ? shown(c) : String.valueOf(c));
    }
    return out.toString();
  }

  /** Whether {@code text} can go to a terminal as it is (line feeds and tabs allowed). */
  public static boolean clean(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && c != '\t' && isControl(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the code point {@code cp} is one this policy shows instead of sending. */
  public static boolean isControl(int cp) {
    return cp < 0x20
        || (cp >= 0x7f && cp <= 0x9f)
        || cp == 0x061c
        || (cp >= 0x200b && cp <= 0x200f && cp != 0x200c && cp != 0x200d)
        || (cp >= 0x2028 && cp <= 0x202e)
        || (cp >= 0x2060 && cp <= 0x2064)
        || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0xfeff
        || (cp >= 0xfff9 && cp <= 0xfffb);
  }

  /** How a control shows: {@code ^[} for ESC, {@code ^?} for DEL, {@code <U+202E>} otherwise. */
  public static String shown(int cp) {
    if (cp < 0x20) {
      return "^" + (char) (cp + 64);
    }
    if (cp == 0x7f) {
      return "^?";
    }
    return String.format("<U+%04X>", cp);
  }
}

package dev.apimoshell.internal.text;

/**
 * Plain text wrapped at the terminal's real width ({@link TerminalWidth}), which would otherwise
 * break a long line mid-word.
 */
public final class Text {

  private Text() {}

  /**
   * Greedy word wrap at spaces: the first line starts with {@code first}, the next ones with {@code
   * indent}, none longer than {@code columns} unless one word is.
   *
   * <pre>{@code
   * Text.wrap("Capture of agency 14 into agency-14: 6 requests to count, ...", 78, "", "  ")
   * }</pre>
   */
  public static String wrap(String text, int columns, String first, String indent) {
    StringBuilder out = new StringBuilder(first);
    int lineLength = first.length();
    boolean lineStart = true;
    for (String word : text.split(" ")) {
      if (!lineStart && lineLength + 1 + word.length() > columns) {
        out.append('\n').append(indent);
        lineLength = indent.length();
        lineStart = true;
      }
      if (!lineStart) {
        out.append(' ');
        lineLength++;
      }
      out.append(word);
      lineLength += word.length();
      lineStart = false;
    }
    return out.toString();
  }

  /**
   * Each line of {@code text} wrapped at the width the shell gave ({@link
   * TerminalWidth#forText()}), continued two spaces in; not wrapped when output goes to a pipe or a
   * file.
   */
  public static String wrapLines(String text) {
    return wrapLines(text, TerminalWidth.forText());
  }

  /**
   * Each line of {@code text} wrapped to {@code columns}, continued two spaces in: {@code
   * Text.wrapLines(message, 60)}.
   */
  public static String wrapLines(String text, int columns) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      out.append(out.isEmpty() ? "" : "\n").append(wrap(line, columns, "", "  "));
    }
    return out.toString();
  }
}

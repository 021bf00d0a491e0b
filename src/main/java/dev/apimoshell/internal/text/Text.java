package dev.apimoshell.internal.text;

/** Plain text for an 80-column terminal, which would otherwise break a long line mid-word. */
public final class Text {
  /** What a message line may take: two columns short of an 80-column terminal. */
  public static final int COLUMNS = 78;

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

  /** Each line of {@code text} wrapped to {@link #COLUMNS}, continued two spaces in. */
  public static String wrapLines(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      out.append(out.isEmpty() ? "" : "\n").append(wrap(line, COLUMNS, "", "  "));
    }
    return out.toString();
  }
}

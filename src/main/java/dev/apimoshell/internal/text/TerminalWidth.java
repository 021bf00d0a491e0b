package dev.apimoshell.internal.text;

/**
 * The one place that knows how wide the output is: the shell sets it from its terminal before each
 * value is printed (and to 0 when output goes to a pipe or a file, where nothing is cut); without a
 * shell it is {@code $COLUMNS}, else 120. Tables, cards and wrapped messages all read it.
 *
 * <pre>{@code
 * TerminalWidth.set(terminal.getWidth());   // the shell, on each prompt
 * Text.wrapLines(message);                  // wraps at that width
 * }</pre>
 */
public final class TerminalWidth {
  /** The width assumed when neither a terminal nor {@code $COLUMNS} says. */
  public static final int DEFAULT = 120;

  private static volatile int current = fromEnvironment();

  private TerminalWidth() {}

  /** The columns output may take; 0 means no limit (a pipe or a file). */
  public static int get() {
    return current;
  }

  /** Sets the width: a terminal's columns, or 0 for output that is never cut. */
  public static void set(int columns) {
    current = Math.max(0, columns);
  }

  /** {@code $COLUMNS} when it holds a number, else {@link #DEFAULT}. */
  public static int fromEnvironment() {
    try {
      int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "").strip());
      return columns > 0 ? columns : DEFAULT;
    } catch (NumberFormatException e) {
      return DEFAULT;
    }
  }

  /** The longest a message line gets, on a wide terminal or none: long lines are hard to read. */
  public static final int TEXT_MAX = 78;

  /**
   * The width messages wrap at: one column short of the terminal, at most {@link #TEXT_MAX}; {@link
   * #TEXT_MAX} for a pipe or a file.
   */
  public static int forText() {
    int w = current;
    return w <= 0 ? TEXT_MAX : Math.max(20, Math.min(TEXT_MAX, w - 1));
  }
}

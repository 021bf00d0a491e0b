package dev.apimoshell.shell.print;

/**
 * How much of a value to print: on a terminal the first {@code rows} rows or elements and text cut
 * to fit; elsewhere (a pipe, a file) everything at full width.
 *
 * <pre>{@code PrintPolicy.terminal(20, 120)}  or  {@code PrintPolicy.full()}</pre>
 *
 * @param rows rows, elements or map entries shown before "… N more"; 0 for all
 * @param width the columns tables fit; 0 for no limit
 */
public record PrintPolicy(int rows, int width) {

  /** Lines of text (a String, a {@code toString}) shown per row allowed. */
  static final int LINES_PER_ROW = 5;

  public PrintPolicy {
    rows = Math.max(0, rows);
    width = Math.max(0, width);
  }

  /** The prompt's policy: {@code rows} rows (0 for all) in {@code width} columns. */
  public static PrintPolicy terminal(int rows, int width) {
    return new PrintPolicy(rows, width);
  }

  /** Output that is not a terminal: every row, full width, nothing cut. */
  public static PrintPolicy full() {
    return new PrintPolicy(0, 0);
  }

  /** Whether everything is printed. */
  public boolean all() {
    return rows == 0;
  }

  /** The lines of text a value may take, or {@link Integer#MAX_VALUE}. */
  int textLines() {
    return all() ? Integer.MAX_VALUE : rows * LINES_PER_ROW;
  }

  /**
   * The characters one line of text may take, or {@link Integer#MAX_VALUE}: {@link #LINES_PER_ROW}
   * screen lines. A longer line shows its head and its tail, as jshell's {@code /set truncation}.
   */
  int lineChars() {
    return all() ? Integer.MAX_VALUE : LINES_PER_ROW * Math.max(width, 40);
  }

  /** The characters of text a value may take, or {@link Integer#MAX_VALUE}. */
  int textChars() {
    return all() ? Integer.MAX_VALUE : textLines() * Math.max(width, 40);
  }
}

package dev.apimoshell.shell.print;

import java.util.function.IntSupplier;

/**
 * What {@code /set rows N} changed at the prompt: how many rows, elements and lines of text a value
 * shows there (jshell's {@code /set truncation}, in rows rather than characters).
 */
public final class PrintSettings {

  /** Rows a value shows at the prompt until {@code /set rows} says otherwise. */
  public static final int DEFAULT_ROWS = 20;

  private final IntSupplier height;
  private volatile int rows = DEFAULT_ROWS;

  /**
   * @param height the terminal's current height in lines, 0 when unknown
   */
  public PrintSettings(IntSupplier height) {
    this.height = height;
  }

  /** Rows shown, 0 for all. */
  public int rows() {
    return rows;
  }

  /** Sets the rows shown; 0 for all. */
  public void rows(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be 0 (all) or more, not " + rows);
    }
    this.rows = rows;
  }

  /** The policy for a terminal {@code width} columns wide. */
  public PrintPolicy policy(int width) {
    return PrintPolicy.terminal(rows, width);
  }

  /** Lines that fit on one screen, for long text such as {@code /raw}. */
  public int screenLines() {
    int h = height.getAsInt();
    return h <= 0 ? 40 : Math.max(10, h - 4);
  }
}

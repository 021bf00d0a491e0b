package dev.apimoshell.shell;

/**
 * Turns a snippet's value into text for the terminal. The shell holds the real object (see {@link
 * CapturingExecutionControl}), so a printer can do better than {@code toString()}: tables for
 * records, lists and queries.
 */
@FunctionalInterface
interface ValuePrinter {

  /**
   * @param value the object the snippet returned (null also for primitives' absence)
   * @param text JShell's own rendering of the value, the fallback
   * @param width the columns available
   */
  String print(Object value, String text, int width);

  /** Prints what JShell would. */
  static ValuePrinter plain() {
    return (value, text, width) -> text;
  }
}

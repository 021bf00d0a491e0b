package dev.apimoshell.shell;

import dev.apimoshell.internal.text.ControlChars;
import dev.apimoshell.shell.print.PrintPolicy;
import java.util.function.Consumer;

/**
 * Turns a snippet's value into lines for the terminal or a pipe. The shell holds the real object
 * (see {@link CapturingExecutionControl}), so a printer can do better than {@code toString()}:
 * tables for records, lists and queries.
 */
@FunctionalInterface
interface ValuePrinter {

  /**
   * Writes the value to {@code out} one line per call; throws when the value cannot be shown.
   *
   * @param value the object the snippet returned (null also for primitives' absence)
   * @param text JShell's own rendering of the value, the fallback
   * @param policy how much to show and how wide
   */
  void print(Object value, String text, PrintPolicy policy, Consumer<String> out);

  /** Prints what JShell would, control characters made visible. */
  static ValuePrinter plain() {
    return (value, text, policy, out) ->
        ControlChars.visible(String.valueOf(text)).lines().forEach(out);
  }
}

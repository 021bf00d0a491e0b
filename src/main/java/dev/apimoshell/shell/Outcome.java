package dev.apimoshell.shell;

/** What evaluating one snippet produced, in the terms the shell prints. */
sealed interface Outcome {

  /**
   * The snippet ran; {@code name} is the variable holding the value, or null for statements and
   * declarations.
   */
  record Value(String name, boolean temporary, Object value, String text, String typeName)
      implements Outcome {}

  /** A method, class or import was declared, or a statement ran without a value. */
  record Done(String description) implements Outcome {}

  /** The snippet threw; {@code exception} is the real object when the shell could catch it. */
  record Failed(Throwable exception, String className, String message) implements Outcome {}

  /**
   * The compiler rejected the snippet; {@code position} is an offset into {@code source}, or -1.
   */
  record Rejected(String source, String message, long position) implements Outcome {}

  /** The snippet was stopped (Ctrl-C). */
  record Stopped() implements Outcome {}
}

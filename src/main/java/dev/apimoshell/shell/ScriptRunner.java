package dev.apimoshell.shell;

import dev.apimoshell.shell.print.PrintPolicy;
import java.io.Console;
import java.io.PrintStream;

/**
 * Runs a saved {@code .jsh} file, {@code -e} snippets or piped stdin without a prompt. Stops at the
 * first failure and reports it with file and line on stderr; the exit status is 0, or 1 after an
 * uncaught exception or a compile error (the script's {@code exit(n)} ends the JVM with {@code n}
 * directly). Values print in full (every row, no cuts) unless standard output is a terminal; a
 * value that cannot be shown is an error too.
 */
final class ScriptRunner {

  private final JShellEngine engine;
  private final Feedback feedback;
  private final PrintStream out;
  private final PrintStream err;
  private final Progress progress;
  private final PrintPolicy policy;

  ScriptRunner(JShellEngine engine, Feedback feedback, PrintStream out, PrintStream err) {
    this(engine, feedback, out, err, PrintPolicy.full(), null);
  }

  /**
   * @param width columns for tables: there is no terminal to ask
   * @param progress draws long streams' progress on stderr when it is a terminal; else null
   */
  ScriptRunner(
      JShellEngine engine,
      Feedback feedback,
      PrintStream out,
      PrintStream err,
      int width,
      Progress progress) {
    this(
        engine,
        feedback,
        out,
        err,
        out == System.out && stdoutIsTerminal()
            ? PrintPolicy.terminal(Printers.PREVIEW_ROWS, width)
            : PrintPolicy.full(),
        progress);
  }

  /**
   * @param policy how much of a value to print: {@link PrintPolicy#full()} for pipes and files
   */
  ScriptRunner(
      JShellEngine engine,
      Feedback feedback,
      PrintStream out,
      PrintStream err,
      PrintPolicy policy,
      Progress progress) {
    this.policy = policy;
    this.progress = progress;
    this.engine = engine;
    this.feedback = feedback;
    this.out = out;
    this.err = err;
  }

  /**
   * @param name shown in error messages: a file name, "-e" or "<stdin>"
   */
  int run(String text, String name) {
    for (SnippetSplitter.Piece piece : engine.splitter().split(text)) {
      String where = name + ":" + piece.line() + ": ";
      if (piece.command()) {
        if (piece.source().startsWith("/exit")) {
          return exitStatus(piece.source());
        }
        err.println(
            where + "ignored (commands other than /exit are for the prompt): " + piece.source());
        continue;
      }
      for (Outcome o : evalOne(piece.source())) {
        String error = feedback.error(o, where);
        if (!error.isEmpty()) {
          out.flush();
          err.println(error);
          return 1;
        }
        if (o instanceof Outcome.Stopped) {
          return 130;
        }
        Throwable failed = feedback.print(o, policy, out::println);
        if (failed != null) {
          out.flush();
          err.println(feedback.renderError(failed, where));
          return 1;
        }
      }
    }
    out.flush();
    return 0;
  }

  private java.util.List<Outcome> evalOne(String source) {
    if (progress == null) {
      return engine.evalOne(source);
    }
    progress.start();
    try {
      return engine.evalOne(source);
    } finally {
      progress.clear();
    }
  }

  /** Whether standard output is a terminal (JDK 22+ has a console even when it is not). */
  static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException beforeJdk22) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  private static int exitStatus(String command) {
    String[] parts = command.strip().split("\\s+");
    try {
      return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}

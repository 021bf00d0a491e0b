package dev.apimoshell.shell;

import dev.apimoshell.Apimo;
import dev.apimoshell.shell.print.PrintPolicy;
import dev.apimoshell.shell.print.PrintSettings;
import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.jline.reader.History;

/**
 * Runs a saved {@code .jsh} file, {@code -e} snippets or piped stdin without a prompt. Stops at the
 * first failure and reports it with file and line on stderr; the exit status is 0, 1 after an
 * uncaught exception, a compile error or a failed command, or {@code n} after {@code exit(n)},
 * {@code System.exit(n)} or {@code /exit n}. Commands that make sense without a prompt ({@link
 * Commands#IN_SCRIPTS}: {@code /export}, {@code /catalog}, {@code /open}...) run; the others stop
 * the script with status 1. Values print in full (every row, no cuts) unless standard output is a
 * terminal; a value that cannot be shown is an error too.
 */
final class ScriptRunner implements Commands.Host {

  private final JShellEngine engine;
  private final Feedback feedback;
  private final PrintStream out;
  private final PrintStream err;
  private final PrintPolicy policy;
  private final PrintSettings printSettings = new PrintSettings(() -> 0);
  private final Progress progress;
  private final PrintWriter writer;
  private final Commands commands = new Commands(this);
  private final HttpTrace http;
  private String where = "";
  private Integer exitStatus;

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
            ? PrintPolicy.terminal(PrintSettings.DEFAULT_ROWS, width)
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
    this.out = Transcript.tee(out); // --record copies what is printed
    this.err = err;
    this.writer = new PrintWriter(out, true, StandardCharsets.UTF_8);
    this.http = new HttpTrace(new PrintWriter(err, true, StandardCharsets.UTF_8));
  }

  /**
   * @param name shown in error messages: a file name, "-e" or "<stdin>"
   */
  int run(String text, String name) {
    exitStatus = null;
    try {
      return run(text, piece -> name + ":" + piece.line() + ": ");
    } finally {
      http.off();
    }
  }

  private int run(String text, Function<SnippetSplitter.Piece, String> place) {
    for (SnippetSplitter.Piece piece : engine.splitter().split(text)) {
      Transcript.input(piece.source()); // --record
      String here = place.apply(piece);
      int status = piece.command() ? command(piece.source(), here) : snippet(piece.source(), here);
      if (status != 0 || exitStatus != null) {
        return status;
      }
    }
    out.flush();
    return 0;
  }

  private int command(String line, String here) {
    String name = line.strip().split("\\s+", 2)[0];
    if (name.equals("/exit")) {
      exitStatus = exitStatus(line);
      return exitStatus;
    }
    if (!Commands.IN_SCRIPTS.contains(name)) {
      out.flush();
      err.println(
          here
              + (Commands.names().contains(name)
                  ? name + " is for the prompt; scripts run " + String.join(" ", scriptCommands())
                  : unknown(name)));
      return 1;
    }
    where = here;
    Commands.Result result = commands.run(line);
    writer.flush();
    if (exitStatus != null) {
      return exitStatus;
    }
    return result == Commands.Result.FAILED ? 1 : 0;
  }

  private static String unknown(String name) {
    String hint = Nearest.hint(name, Commands.names());
    return "unknown command " + name + (hint.isEmpty() ? "" : "; " + hint);
  }

  private static List<String> scriptCommands() {
    return Commands.names().stream().filter(Commands.IN_SCRIPTS::contains).toList();
  }

  private int snippet(String source, String here) {
    for (Outcome o : evalOne(source)) {
      Integer exit = JShellEngine.exitStatus(o);
      if (exit != null) {
        out.flush();
        exitStatus = exit;
        return exit;
      }
      String error = feedback.error(o, here);
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
        err.println(feedback.renderError(failed, here));
        return 1;
      }
    }
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

  // ---- what the commands act on in a script

  @Override
  public JShellEngine engine() {
    return engine;
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("/reset is for the prompt");
  }

  /** Text a command runs ({@code /export}'s call): errors name the command's line. */
  @Override
  public boolean run(String text) {
    writer.flush();
    String here = where;
    return run(text, piece -> here) == 0;
  }

  @Override
  public boolean runFile(String text, String name) {
    writer.flush();
    return run(text, piece -> name + ":" + piece.line() + ": ") == 0;
  }

  @Override
  public void problem(String message) {
    writer.flush();
    out.flush();
    err.println(where + message);
  }

  @Override
  public PrintWriter out() {
    return writer;
  }

  @Override
  public History history() {
    return null;
  }

  @Override
  public String target() {
    return Apimo.client().baseUrl() + " as provider " + Apimo.client().provider();
  }

  @Override
  public HttpTrace http() {
    return http;
  }

  /** {@code /set rows} in a script changes nothing that is printed: scripts print in full. */
  @Override
  public PrintSettings printSettings() {
    return printSettings;
  }
}

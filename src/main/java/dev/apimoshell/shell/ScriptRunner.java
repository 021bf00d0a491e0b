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
 * Commands.Command#inScripts}: {@code /export}, {@code /catalog}, {@code /open}...) run; the others
 * stop the script with status 1. Values print in full (every row, no cuts) unless standard output
 * is a terminal; a value that cannot be shown is an error too.
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
  private boolean quiet;
  private Object lastValue;
  private Throwable failure;
  private String problem;

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
    lastValue = null;
    failure = null;
    problem = null;
    try {
      return run(text, piece -> name + ":" + piece.line() + ": ");
    } finally {
      http.off();
    }
  }

  private int run(String text, Function<SnippetSplitter.Piece, String> place) {
    int[] status = {0};
    EvalLoop.run(
        engine,
        progress,
        text,
        new EvalLoop.Steps() {
          @Override
          public void starting(SnippetSplitter.Piece piece) {
            Transcript.input(piece.source()); // --record
          }

          @Override
          public boolean command(SnippetSplitter.Piece piece) {
            status[0] = ScriptRunner.this.command(piece.source(), place.apply(piece));
            return status[0] == 0 && exitStatus == null;
          }

          @Override
          public boolean evaluated(SnippetSplitter.Piece piece, List<Outcome> outcomes) {
            status[0] = snippet(outcomes, place.apply(piece));
            return status[0] == 0 && exitStatus == null;
          }
        });
    out.flush();
    return status[0];
  }

  private int command(String line, String here) {
    String typed = line.strip().split("\\s+", 2)[0];
    String name = Commands.lookup(typed).map(Commands.Command::name).orElse(typed);
    if (name.equals("/exit")) {
      exitStatus = exitStatus(line);
      return exitStatus;
    }
    if (!Commands.lookup(name).map(Commands.Command::inScripts).orElse(false)) {
      out.flush();
      problem =
          here
              + (Commands.names().contains(name)
                  ? name
                      + " is for the prompt; scripts run "
                      + String.join(" ", Commands.scriptNames())
                  : unknown(name));
      err.println(problem);
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

  private int snippet(List<Outcome> outcomes, String here) {
    for (Outcome o : outcomes) {
      Integer exit = JShellEngine.exitStatus(o);
      if (exit != null) {
        out.flush();
        exitStatus = exit;
        failure = ((Outcome.Failed) o).exception();
        return exit;
      }
      String error = feedback.error(o, here);
      if (!error.isEmpty()) {
        out.flush();
        problem = error;
        failure = o instanceof Outcome.Failed f ? f.exception() : null;
        if (!quiet) {
          err.println(error);
        }
        return 1;
      }
      if (o instanceof Outcome.Value v) {
        lastValue = v.value();
      }
      if (o instanceof Outcome.Stopped) {
        return 130;
      }
      Throwable failed = feedback.print(o, policy, out::println);
      if (failed != null) {
        out.flush();
        failure = failed;
        problem = feedback.renderError(failed, here);
        err.println(problem);
        return 1;
      }
    }
    return 0;
  }

  /**
   * Errors are kept ({@link #problem()}, {@link #failure()}) instead of printed: for {@code eval},
   * which throws them.
   */
  ScriptRunner quiet(boolean quiet) {
    this.quiet = quiet;
    return this;
  }

  /** The value of the last expression or variable the last run evaluated, or null. */
  Object lastValue() {
    return lastValue;
  }

  /**
   * What ended the last run: the exception a snippet threw, the {@link ExitGuard.Request} of an
   * exit, or null (success, a compile error, a failed command).
   */
  Throwable failure() {
    return failure;
  }

  /** The error message that ended the last run, as a script prints it, or null. */
  String problem() {
    return problem;
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
    problem = where + message;
    err.println(problem);
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

package dev.apimoshell.shell;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;

/**
 * The interactive loop: read a line (JLine), run it as slash command or Java snippets, print what
 * came back. Ctrl-C while a snippet runs stops it; at the prompt it clears the line; Ctrl-D or
 * {@code /exit} ends the loop.
 */
final class Repl implements Commands.Host, AutoCloseable {

  static final String PROMPT = "apimo> ";
  static final String CONTINUATION = "  ...> ";

  private final Terminal terminal;
  private final Supplier<JShellEngine> engines;
  private final Feedback feedback;
  private final Supplier<String> target;
  private final LineReader reader;
  private final LineReader confirmations;
  private final PrintWriter out;
  private final PrintStream stream;
  private final Commands commands = new Commands(this);
  private final HttpTrace http;
  private final Progress progress;
  private JShellEngine engine;
  private volatile Thread printing;

  /**
   * @param engines makes a fresh engine writing to the given stream (at start and on {@code
   *     /reset})
   * @param historyFile where history persists, or null for none
   * @param secret a string never to store in history (the token), or null
   */
  Repl(
      Terminal terminal,
      java.util.function.Function<PrintStream, JShellEngine> engines,
      ValuePrinter printer,
      Supplier<String> target,
      Path historyFile,
      String secret) {
    this.terminal = terminal;
    this.out = terminal.writer();
    this.stream = new PrintStream(terminal.output(), true);
    this.engines = () -> engines.apply(stream);
    boolean color =
        !Terminal.TYPE_DUMB.equals(terminal.getType())
            && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    this.feedback = new Feedback(Feedback.Mode.INTERACTIVE, color, printer);
    this.target = target;
    this.http = new HttpTrace(out);
    this.progress = color ? new Progress(terminal) : null;
    this.engine = this.engines.get();
    LineReaderBuilder builder =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("apimo-shell")
            .parser(new SnippetParser(() -> engine.splitter()))
            .completer(new JavaCompleter(() -> engine.analysis(), Commands.usages()))
            .history(new SecretSafeHistory(secret))
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
            .variable(LineReader.HISTORY_SIZE, 2000)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
    if (color) {
      builder.highlighter(new JavaHighlighter());
    }
    if (historyFile != null) {
      builder.variable(LineReader.HISTORY_FILE, historyFile);
    }
    this.reader = builder.build();
    ShiftTabFixes.install(reader, () -> engine);
    this.confirmations =
        LineReaderBuilder.builder().terminal(terminal).history(new DefaultHistory()).build();
    confirmations.setVariable(LineReader.DISABLE_HISTORY, true);
    terminal.handle(Terminal.Signal.INT, signal -> interrupt());
    reportStartupProblems();
  }

  /** Reads and runs until Ctrl-D or {@code /exit}. */
  void run() {
    while (true) {
      String line;
      try {
        line = reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        return;
      }
      try {
        if (SnippetParser.isCommand(line)) {
          if (!commands.run(line)) {
            return;
          }
        } else {
          run(line);
        }
      } catch (RuntimeException | LinkageError e) {
        // A bug of ours must not end the session and lose the user's variables.
        out.println(
            "apimo-shell: unexpected "
                + e.getClass().getSimpleName()
                + (e.getMessage() == null
                    ? ""
                    : ": " + e.getMessage().lines().findFirst().orElse(""))
                + " (the session goes on)");
        out.flush();
      }
    }
  }

  /** Runs Java text, several snippets if it holds several, stopping at the first stopped one. */
  @Override
  public void run(String text) {
    for (SnippetSplitter.Piece piece : engine.splitter().split(text)) {
      if (piece.command()) {
        commands.run(piece.source());
        continue;
      }
      if (progress != null) {
        progress.start();
      }
      List<Outcome> outcomes;
      try {
        outcomes = engine.evalOne(piece.source());
      } finally {
        if (progress != null) {
          progress.clear();
        }
      }
      printing = Thread.currentThread();
      try {
        for (Outcome o : outcomes) {
          String error = feedback.error(o, "");
          String result = error.isEmpty() ? feedback.result(o, width()) : error;
          if (!result.isEmpty()) {
            out.println(result);
          }
        }
      } finally {
        printing = null;
        Thread.interrupted();
      }
      out.flush();
      if (outcomes.stream().anyMatch(o -> o instanceof Outcome.Stopped)) {
        return;
      }
    }
  }

  /**
   * What Ctrl-C does outside the line editor: stops the running snippet, or the fetch of a query's
   * first page for printing. (While a line is edited, JLine turns Ctrl-C into {@link
   * UserInterruptException} instead.)
   */
  void interrupt() {
    engine.stop();
    Thread thread = printing;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** Whether a snippet is running now (for tests that stop one). */
  boolean busy() {
    return engine.isRunning();
  }

  private int width() {
    int w = terminal.getWidth();
    return w <= 0 ? 100 : w;
  }

  private void reportStartupProblems() {
    for (Outcome o : engine.startupProblems()) {
      out.println("startup.jsh: " + feedback.error(o, ""));
    }
    out.flush();
  }

  @Override
  public JShellEngine engine() {
    return engine;
  }

  @Override
  public void reset() {
    List<String> classPath = engine.classPath();
    engine.close();
    engine = engines.get();
    classPath.forEach(engine::addToClassPath);
    reportStartupProblems();
  }

  @Override
  public PrintWriter out() {
    return out;
  }

  @Override
  public History history() {
    return reader.getHistory();
  }

  @Override
  public String target() {
    return target.get();
  }

  @Override
  public HttpTrace http() {
    return http;
  }

  /** Draws long streams' progress; null on a dumb terminal. */
  Progress progress() {
    return progress;
  }

  /** Asks a yes/no question on the terminal, outside the prompt (for write confirmations). */
  boolean confirm(String question) {
    try {
      String answer = confirmations.readLine(question + " [y/N] ");
      return answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes");
    } catch (UserInterruptException | EndOfFileException e) {
      return false;
    }
  }

  LineReader reader() {
    return reader;
  }

  @Override
  public void close() {
    http.off();
    engine.close();
  }
}

package dev.apimoshell.shell;

import dev.apimoshell.internal.export.Table;
import dev.apimoshell.internal.text.TerminalWidth;
import dev.apimoshell.shell.print.PrintSettings;
import dev.apimoshell.shell.print.TerminalSafeOutput;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
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
 * came back. Ctrl-C while a snippet runs stops it; at the prompt it clears the line; Ctrl-D, {@code
 * /exit} or a bare {@code exit} or {@code quit} ends the loop, but {@code System.exit(n)} does not
 * (see {@link ExitGuard}).
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
  private final PrintSettings printSettings;
  private final CompletableFuture<JShellEngine> firstEngine;
  private volatile JShellEngine engine;
  private boolean problemsReported;
  private volatile Thread printing;
  private String editor;
  private final String secret;

  /** The table width in force before the prompt opened, put back when it closes (a host's). */
  private final int widthBefore = TerminalWidth.get();

  /**
   * @param engines makes a fresh engine writing to the given stream (at start and on {@code
   *     /reset})
   * @param historyFile where history persists, or null for none
   * @param secret a string never to store in history (the token), or null
   */
  Repl(
      Terminal terminal,
      Function<PrintStream, JShellEngine> engines,
      ValuePrinter printer,
      Supplier<String> target,
      Path historyFile,
      String secret) {
    this.terminal = terminal;
    this.secret = secret == null || secret.isBlank() ? null : secret;
    this.out = Transcript.tee(terminal.writer()); // /record copies what is printed
    this.stream =
        Transcript.tee(
            new PrintStream(new TerminalSafeOutput(terminal.output()), true, terminal.encoding()));
    this.printSettings = new PrintSettings(terminal::getHeight);
    this.engines = () -> engines.apply(stream);
    boolean color =
        !Terminal.TYPE_DUMB.equals(terminal.getType())
            && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    this.feedback = new Feedback(Feedback.Mode.INTERACTIVE, color, printer);
    this.target = target;
    this.http = new HttpTrace(out);
    this.progress = color ? new Progress(terminal) : null;
    LineReaderBuilder builder =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("apimo-shell")
            .parser(new SnippetParser(() -> engine().splitter()))
            .completer(new JavaCompleter(() -> engine().analysis(), Commands.TABLE))
            .history(new SecretSafeHistory(secret, this::notice))
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
    ShiftTabFixes.install(reader, this::engine);
    this.confirmations =
        LineReaderBuilder.builder().terminal(terminal).history(new DefaultHistory()).build();
    confirmations.setVariable(LineReader.DISABLE_HISTORY, true);
    terminal.handle(Terminal.Signal.INT, signal -> interrupt());
    // The prompt does not wait for the engine (EngineWarmup may still be building it): the first
    // line entered, or the first completion, does.
    this.firstEngine = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                firstEngine.complete(this.engines.get());
              } catch (Throwable e) {
                firstEngine.completeExceptionally(e);
              }
            },
            "apimo-engine-start");
    starter.setDaemon(true);
    starter.start();
  }

  /**
   * Reads and runs until Ctrl-D or {@code /exit}.
   *
   * @return the exit status: 0, or 2 when the first engine could not start (the client could not
   *     connect), said in one line
   */
  int run() {
    while (true) {
      String line;
      try {
        line = reader.readLine(PROMPT);
        Transcript.input(line);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        return 0;
      } catch (RuntimeException e) { // the line's parser waits for the first engine
        if (firstEngine.isCompletedExceptionally()) {
          return cannotStart(e);
        }
        throw e;
      }
      if (!problemsReported) {
        try {
          engine();
        } catch (RuntimeException e) {
          return cannotStart(e);
        }
        problemsReported = true;
        reportStartupProblems();
      }
      Table.terminalWidth(width()); // commands (/help, /vars) fit the terminal as values do
      try {
        String word = bareWord(line);
        if (word.equals("help")) {
          commands.run("/help");
        } else if (word.equals("exit") || word.equals("quit")) {
          return 0;
        } else if (SnippetParser.isCommand(line)) {
          if (commands.run(line) == Commands.Result.EXIT) {
            return 0;
          }
        } else {
          run(line);
        }
      } catch (RuntimeException | LinkageError e) {
        // A bug of ours must not end the session and lose the user's variables.
        engine().recordFailure(e);
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

  /** A one-line notice about local state (a damaged history file), printed as it comes. */
  private void notice(String line) {
    out.println(line);
    out.flush();
  }

  /** The first engine failed (it waits for the client to connect): one line, exit status 2. */
  private int cannotStart(RuntimeException e) {
    out.println(Main.cannotStart(e instanceof CompletionException ? e.getCause() : e));
    out.flush();
    return 2;
  }

  /**
   * {@code exit}, {@code quit} or {@code help} typed alone (also as {@code exit()} or with a {@code
   * ;}), unless the session has a variable of that name; else empty.
   */
  private String bareWord(String line) {
    String word = line.strip().replaceAll("\\s*(\\(\\s*\\))?\\s*;?$", "");
    if (!word.equals("exit") && !word.equals("quit") && !word.equals("help")) {
      return "";
    }
    boolean variable =
        engine()
            .jshell()
            .variables()
            .anyMatch(v -> v.name().equals(word) && engine().jshell().status(v).isActive());
    return variable ? "" : word;
  }

  /** Runs Java text, several snippets if it holds several, stopping at the first stopped one. */
  @Override
  public boolean run(String text) {
    return run(text, null);
  }

  @Override
  public boolean runFile(String text, String name) {
    return run(text, name);
  }

  /**
   * Runs text typed at the prompt ({@code file} null) or read from a file: stops at the first
   * stopped snippet or exit request, and in a file at the first failure too.
   */
  private boolean run(String text, String file) {
    boolean[] ok = {true};
    EvalLoop.run(
        engine(),
        progress,
        text,
        new EvalLoop.Steps() {
          @Override
          public boolean command(SnippetSplitter.Piece piece) {
            Commands.Result result = commands.run(piece.source());
            if (result == Commands.Result.EXIT && file != null) {
              out.println(file + ": /exit ended the file; the session goes on");
              out.flush();
              return false;
            }
            ok[0] &= result == Commands.Result.DONE;
            return true;
          }

          @Override
          public boolean evaluated(SnippetSplitter.Piece piece, List<Outcome> outcomes) {
            boolean went = show(piece, outcomes, file);
            ok[0] &= went;
            boolean stopped =
                outcomes.stream()
                    .anyMatch(
                        o -> o instanceof Outcome.Stopped || JShellEngine.exitStatus(o) != null);
            if (stopped) {
              ok[0] = false;
            }
            return !stopped && (went || file == null);
          }
        });
    return ok[0];
  }

  /** Prints a snippet's outcomes as the prompt shows them; false when one failed. */
  private boolean show(SnippetSplitter.Piece piece, List<Outcome> outcomes, String file) {
    boolean ok = true;
    printing = Thread.currentThread();
    Table.terminalWidth(width());
    String where = file == null ? "" : file + ":" + piece.line() + ": ";
    try {
      for (Outcome o : outcomes) {
        Integer exit = JShellEngine.exitStatus(o);
        if (exit != null) {
          out.println(
              where
                  + "exit("
                  + exit
                  + (file == null
                      ? ") ignored at the prompt: the session goes on; /exit leaves"
                      : ") ended the file; the session goes on"));
          break;
        }
        ok &= !(o instanceof Outcome.Failed || o instanceof Outcome.Rejected);
        String error = feedback.error(o, where, Math.min(width() - 1, TerminalWidth.TEXT_MAX));
        if (!error.isEmpty()) {
          out.println(error);
          continue;
        }
        Throwable failed = feedback.print(o, printSettings.policy(width()), out::println);
        if (failed != null) {
          engine().recordFailure(failed);
          ok = false;
        }
      }
    } finally {
      printing = null;
      Thread.interrupted();
    }
    out.flush();
    return ok;
  }

  /**
   * What Ctrl-C does outside the line editor: stops the running snippet, or the fetch of a query's
   * first page for printing. (While a line is edited, JLine turns Ctrl-C into {@link
   * UserInterruptException} instead.)
   */
  void interrupt() {
    JShellEngine running = engine;
    if (running != null) {
      running.stop();
    }
    Thread thread = printing;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** Whether a snippet is running now (for tests that stop one). */
  boolean busy() {
    JShellEngine running = engine;
    return running != null && running.isRunning();
  }

  private int width() {
    int w = terminal.getWidth();
    return w <= 0 ? 100 : w;
  }

  private void reportStartupProblems() {
    for (Outcome o : engine().startupProblems()) {
      out.println("startup.jsh: " + feedback.error(o, ""));
    }
    out.flush();
  }

  /** The session's engine, waiting for the first one to finish its start if need be. */
  @Override
  public JShellEngine engine() {
    JShellEngine current = engine;
    if (current == null) {
      synchronized (this) {
        if (engine == null) {
          try {
            engine = firstEngine.join();
          } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
              throw r;
            }
            if (e.getCause() instanceof Error error) {
              throw error;
            }
            throw e;
          }
        }
        current = engine;
      }
    }
    return current;
  }

  @Override
  public void reset() {
    List<String> classPath = engine().classPath();
    engine.close();
    JShellEngine fresh = engines.get();
    classPath.forEach(fresh::addToClassPath);
    engine = fresh;
    reportStartupProblems();
  }

  @Override
  public String editor() {
    return editor != null ? editor : Commands.Host.super.editor();
  }

  @Override
  public String redact(String text) {
    return secret == null ? text : text.replace(secret, "********");
  }

  /** Uses this command instead of $VISUAL/$EDITOR for {@code /edit} (tests). */
  void editor(String command) {
    this.editor = command;
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

  @Override
  public PrintSettings printSettings() {
    return printSettings;
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
    TerminalWidth.set(widthBefore);
    http.off();
    if (engine != null) {
      engine.close();
    } else {
      firstEngine.thenAccept(JShellEngine::close);
    }
  }
}

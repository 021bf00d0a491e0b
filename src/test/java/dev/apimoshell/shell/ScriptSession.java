package dev.apimoshell.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Scripts run in process as {@code -e}, a file or piped stdin run them (output not a terminal), on
 * one JShell shared by a test class; each run's stdout and stderr kept apart. Example: {@code
 * scripts.run("1 + 1", Feedback.Mode.VALUES, "-e")}, then {@code scripts.out()} is {@code "2\n"}.
 */
final class ScriptSession implements AutoCloseable {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final JShellEngine engine =
      new JShellEngine(new PrintStream(out, true), new PrintStream(err, true));

  JShellEngine engine() {
    return engine;
  }

  /** Runs {@code script} named {@code name} in messages; returns its exit status. */
  int run(String script, Feedback.Mode mode, String name) {
    out.reset();
    err.reset();
    return new ScriptRunner(
            engine,
            new Feedback(mode, false, Printers.standard()),
            new PrintStream(out, true),
            new PrintStream(err, true))
        .run(script, name);
  }

  /** What the last run printed on stdout. */
  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What the last run printed on stderr. */
  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    engine.close();
  }
}

package dev.apimoshell.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * A {@link Repl} running on its own thread behind a JLine xterm over pipes, as in {@link
 * ShellTerminalTest}: type keys, read what the shell printed (escape sequences removed).
 */
final class TerminalSession implements AutoCloseable {

  private final PipedOutputStream keyboard = new PipedOutputStream();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final Repl repl;
  private final Thread loop;

  TerminalSession() throws IOException, InterruptedException {
    this(Files.createTempFile("apimo-history", ""));
  }

  /** A session keeping its history in {@code historyFile}. */
  TerminalSession(Path historyFile) throws IOException, InterruptedException {
    this(historyFile, 120);
  }

  /** A session on a terminal {@code columns} wide. */
  TerminalSession(Path historyFile, int columns) throws IOException, InterruptedException {
    PipedInputStream in = new PipedInputStream(keyboard, 1 << 16);
    OutputStream out =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (screen) {
              screen.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (screen) {
              screen.write(b, off, len);
            }
          }
        };
    Terminal terminal = new ExternalTerminal("test", "xterm", in, out, StandardCharsets.UTF_8);
    terminal.setSize(new Size(columns, 40));
    repl =
        new Repl(
            terminal,
            o -> new JShellEngine(o, o),
            Printers.standard(),
            () -> "the test target",
            historyFile,
            "SECRET-TOKEN");
    loop = new Thread(repl::run, "repl under test");
    loop.start();
    awaitOutput(0, Repl.PROMPT);
    repl.engine(); // the prompt shows before the engine is ready; the tests start once it is
  }

  Repl repl() {
    return repl;
  }

  void type(String keys) throws IOException {
    keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  int mark() {
    synchronized (screen) {
      return screen.size();
    }
  }

  /** The bytes printed since {@code mark}, escape sequences and all. */
  String raw(int mark) {
    byte[] bytes;
    synchronized (screen) {
      bytes = screen.toByteArray();
    }
    return new String(bytes, mark, bytes.length - mark, StandardCharsets.UTF_8);
  }

  /** What the shell printed since {@code mark}, without its own drawing (cursor moves, colours). */
  String since(int mark) {
    return raw(mark).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
  }

  String awaitOutput(int mark, String expected) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      String text = since(mark);
      if (text.contains(expected)) {
        return text;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "expected output containing <" + expected + "> but got:\n" + since(mark));
  }

  /** Types a line and waits for the next prompt; returns what was printed in between. */
  String run(String line) throws Exception {
    int m = mark();
    type(line + "\n");
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      String text = since(m);
      int lastPrompt = text.lastIndexOf(Repl.PROMPT);
      if (lastPrompt > 0 && text.substring(0, lastPrompt).contains("\n") && !repl.busy()) {
        return text.substring(0, lastPrompt);
      }
      if (!loop.isAlive()) {
        throw new AssertionError("the shell ended; output:\n" + text);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no prompt came back; output:\n" + since(m));
  }

  /** Whether the loop ends (the shell quit) within a liveness bound. */
  boolean ends() throws InterruptedException {
    loop.join(15_000);
    return !loop.isAlive();
  }

  @Override
  public void close() throws Exception {
    if (loop.isAlive()) {
      type("\u0015/exit\n");
      loop.join(5000);
    }
    repl.close();
  }
}

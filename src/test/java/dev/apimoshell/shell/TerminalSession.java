package dev.apimoshell.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * The real REPL loop on a JLine xterm over pipes, for tests that type keys and read the screen (the
 * harness of {@link ShellTerminalTest}, as a reusable object). Keys go in with {@link #type}; what
 * the shell printed since a {@link #mark} comes back without escape sequences.
 */
final class TerminalSession implements AutoCloseable {

  private final PipedOutputStream keyboard = new PipedOutputStream();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final Repl repl;
  private final Thread loop;

  TerminalSession(Path historyFile) throws Exception {
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
    terminal.setSize(new Size(120, 40));
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

  /** What the shell printed since {@code mark}, without terminal escape sequences. */
  String since(int mark) {
    byte[] bytes;
    synchronized (screen) {
      bytes = screen.toByteArray();
    }
    String text = new String(bytes, mark, bytes.length - mark, StandardCharsets.UTF_8);
    return text.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
  }

  /** Waits until the output since {@code mark} contains {@code expected}, then returns it. */
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

  /** Types keys ending a line and waits for the next prompt; returns what was printed before it. */
  String run(String keys) throws Exception {
    int m = mark();
    type(keys + "\n");
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      String text = since(m);
      int lastPrompt = text.lastIndexOf(Repl.PROMPT);
      if (lastPrompt > 0 && text.substring(0, lastPrompt).contains("\n") && !repl.busy()) {
        return text.substring(0, lastPrompt);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no prompt came back; output:\n" + since(m));
  }

  @Override
  public void close() throws Exception {
    type("\u0015/exit\n");
    loop.join(5000);
    repl.close();
  }
}

package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/**
 * The prompt shows while the engine is still starting; a line typed meanwhile waits for it and then
 * runs as usual, with startup.jsh's problems (none here) reported first.
 */
class StartupPromptTest {

  @Test
  void aLineTypedBeforeTheEngineIsReadyRunsOnceItIs() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    OutputStream out =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (screen) {
              screen.write(b);
            }
          }
        };
    PipedOutputStream keyboard = new PipedOutputStream();
    Terminal terminal =
        new ExternalTerminal(
            "test", "xterm", new PipedInputStream(keyboard), out, StandardCharsets.UTF_8);
    terminal.setSize(new Size(100, 40));
    CountDownLatch engineMayStart = new CountDownLatch(1);
    CountDownLatch engineAsked = new CountDownLatch(1);
    try (Repl repl =
        new Repl(
            terminal,
            o -> {
              engineAsked.countDown();
              try {
                assertThat(engineMayStart.await(60, TimeUnit.SECONDS)).isTrue();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return new JShellEngine(o, o);
            },
            Printers.standard(),
            () -> "the test target",
            null,
            null)) {
      Thread loop = new Thread(repl::run, "repl under test");
      loop.start();
      assertThat(engineAsked.await(60, TimeUnit.SECONDS)).isTrue();
      awaitScreen(screen, Repl.PROMPT, 1);
      keyboard.write("20 + 22\n".getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
      assertThat(loop.isAlive()).isTrue();
      assertThat(text(screen)).doesNotContain("42");
      engineMayStart.countDown();
      awaitScreen(screen, "42", 1);
      awaitScreen(screen, Repl.PROMPT, 2);
      keyboard.write("/exit\n".getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
      loop.join(60_000);
      assertThat(loop.isAlive()).isFalse();
    }
  }

  @Test
  void aClientThatCannotConnectSaysSoInOneLineAndExitsWithTwo() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    OutputStream out =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (screen) {
              screen.write(b);
            }
          }
        };
    PipedOutputStream keyboard = new PipedOutputStream();
    Terminal terminal =
        new ExternalTerminal(
            "test", "xterm", new PipedInputStream(keyboard), out, StandardCharsets.UTF_8);
    terminal.setSize(new Size(100, 40));
    var status = new AtomicReference<Object>();
    try (Repl repl =
        new Repl(
            terminal,
            o -> { // as Main's first engine, waiting for a client that failed to connect
              throw new CompletionException(
                  new IllegalStateException("connection refused by 127.0.0.1"));
            },
            Printers.standard(),
            () -> "the test target",
            null,
            null)) {
      Thread loop =
          new Thread(
              () -> {
                try {
                  status.set(repl.run());
                } catch (Throwable t) {
                  status.set(t);
                }
              },
              "repl under test");
      loop.start();
      awaitScreen(screen, Repl.PROMPT, 1);
      keyboard.write("20 + 22\n".getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
      loop.join(60_000);

      assertThat(status.get()).isEqualTo(2);
      assertThat(text(screen))
          .contains("apimo-shell: cannot connect: connection refused by 127.0.0.1")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }
  }

  private static String text(ByteArrayOutputStream screen) {
    synchronized (screen) {
      return screen.toString(StandardCharsets.UTF_8);
    }
  }

  private static void awaitScreen(ByteArrayOutputStream screen, String wanted, int times)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (text(screen).split(java.util.regex.Pattern.quote(wanted), -1).length > times) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + times + " x " + wanted + " on screen:\n" + text(screen));
  }
}

package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shell as a real process ({@link Main} in a fresh JVM on the test class path), for what only a
 * process shows: its exit status, its own stdin, the bytes reaching its pipes. Example: {@code
 * launch("--sandbox", "-e", "1 + 1").exitValue()}.
 */
final class ShellProcess {

  private ShellProcess() {}

  /** What a run of the command line in this JVM came to: its status and both outputs. */
  record Ran(int exitValue, String out, String err) {}

  /**
   * Runs the command line in this JVM ({@link Main#execute}) with {@code stdin} piped in: for
   * statuses and outputs, where a fresh JVM is not the point (a second or two instead of three).
   */
  static Ran inProcess(String stdin, String... args) {
    return inProcess(System.getenv(), stdin, args);
  }

  /** As {@link #inProcess(String, String...)}, with {@code env} as the environment it reads. */
  static Ran inProcess(Map<String, String> env, String stdin, String... args) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int status =
        Main.execute(
            args,
            new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
            new java.io.PrintStream(err, true, StandardCharsets.UTF_8),
            env);
    return new Ran(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs the shell with {@code args} and an empty stdin; returns it ended. */
  static Process launch(String... args) throws Exception {
    return launchWithStdin("", args);
  }

  /** Runs the shell with {@code args}, {@code stdin} piped in; returns it ended. */
  static Process launchWithStdin(String stdin, String... args) throws Exception {
    Process p = new ProcessBuilder(ChildJvm.command(Main.class.getName(), args)).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p;
  }
}

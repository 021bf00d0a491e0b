package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shell as a real process ({@link Main} in a fresh JVM on the test class path), for what only a
 * process shows: its exit status, its own stdin, the bytes reaching its pipes. Example: {@code
 * launch("--sandbox", "-e", "1 + 1").exitValue()}.
 */
final class ShellProcess {

  private ShellProcess() {}

  /** Runs the shell with {@code args} and an empty stdin; returns it ended. */
  static Process launch(String... args) throws Exception {
    return launchWithStdin("", args);
  }

  /** Runs the shell with {@code args}, {@code stdin} piped in; returns it ended. */
  static Process launchWithStdin(String stdin, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p;
  }
}

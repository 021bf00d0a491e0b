package dev.apimoshell.shell;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The training run for the class-data archive: the launcher runs it once after a build with {@code
 * -XX:ArchiveClassesAtExit}, so the archive holds the classes of both starts a user waits for (the
 * prompt on a terminal, and {@code -e}), javac's and JShell's included. It plays a short session on
 * a virtual terminal against the sandbox, then runs {@link Main} with {@code -e}; prints nothing.
 */
final class CdsTraining {

  private static final String SNIPPETS =
      String.join(
          "\n",
          "int x = 1 + 1",
          "Apimo.agency(14).users().limit(3)",
          "List.of(1, 2).stream().map(i -> i * 2).toList()",
          "/imports",
          "/exit",
          "");

  private CdsTraining() {}

  public static void main(String[] argv) throws Exception {
    try (Connection connection = Connection.open(sandboxConfig());
        Terminal terminal =
            TerminalBuilder.builder()
                .system(false)
                .type("xterm-256color")
                .size(new org.jline.terminal.Size(80, 24))
                .encoding(StandardCharsets.UTF_8)
                .streams(
                    new ByteArrayInputStream(SNIPPETS.getBytes(StandardCharsets.UTF_8)),
                    OutputStream.nullOutputStream())
                .build();
        Repl repl =
            new Repl(
                terminal,
                out -> new JShellEngine(out, out),
                Printers.standard(),
                connection::describe,
                null,
                null)) {
      Main.banner(connection);
      repl.run();
    }
    Main.main(
        new String[] {
          "--sandbox",
          "-e",
          "1 + 1",
          "-e",
          "Apimo.agency(14).users().count()",
          "-e", // a parallel stream of actions: the pager and the action records
          "Apimo.agency(14).user(1).actions().pageSize(40).parallel(2).limit(100).list().size()"
        });
  }

  private static ShellConfig sandboxConfig() {
    return ShellConfig.resolve(
        new ShellConfig.Options(null, null, null, null, true, false),
        java.util.Map.of(),
        java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
  }
}

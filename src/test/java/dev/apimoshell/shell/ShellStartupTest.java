package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/** startup.jsh is plain JShell input: it loads in a bare JShell and in the JDK's jshell tool. */
class ShellStartupTest {

  private static final Path STARTUP = Path.of("startup.jsh");

  @Test
  void theRepositoryCopyIsTheOneInTheJar() throws Exception {
    assertThat(JShellEngine.startupScript()).isEqualTo(Files.readString(STARTUP));
  }

  @Test
  void loadsInAPlainJShell() throws Exception {
    try (JShell jshell =
        JShell.builder()
            .executionEngine("local")
            .compilerOptions("--class-path", System.getProperty("java.class.path"))
            .build()) {
      SnippetSplitter splitter = new SnippetSplitter(jshell.sourceCodeAnalysis());
      for (SnippetSplitter.Piece piece : splitter.split(Files.readString(STARTUP))) {
        for (SnippetEvent e : jshell.eval(piece.source())) {
          assertThat(e.status()).as(piece.source()).isEqualTo(Snippet.Status.VALID);
        }
      }
      List<SnippetEvent> events =
          jshell.eval(
              "args.length + \" \" + Apimo.class.getSimpleName() + \" \" +"
                  + " LocalDate.class.getSimpleName()");
      assertThat(events.get(0).value()).isEqualTo("\"0 Apimo LocalDate\"");
    }
  }

  @Test
  void worksWithTheJdksJshellTool() throws Exception {
    Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
    Process p =
        new ProcessBuilder(
                jshell.toString(),
                "-q",
                "--class-path",
                System.getProperty("java.class.path"),
                "--startup",
                STARTUP.toString(),
                "-")
            .redirectErrorStream(true)
            .start();
    p.getOutputStream()
        .write(
            "System.out.println(\"ok \" + args.length + \" \" + Apimo.class.getName())\n/exit\n"
                .getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("ok 0 dev.apimoshell.Apimo")
        .doesNotContain("error");
  }

  /** The JDK jshell's default imports (issue 9.10), in a bare JShell and in the jshell tool. */
  @Test
  void importsWhatJshellImportsByDefault() throws Exception {
    String snippet =
        "Path.of(\"x\") + \" \" + Pattern.compile(\"a\").pattern() + \" \" +"
            + " new BigDecimal(\"1.5\").scale() + \" \" + new File(\"f\").getName() + \" \" +"
            + " ((Function<String, Integer>) String::length).apply(\"abc\")";
    try (JShell jshell =
        JShell.builder()
            .executionEngine("local")
            .compilerOptions("--class-path", System.getProperty("java.class.path"))
            .build()) {
      SnippetSplitter splitter = new SnippetSplitter(jshell.sourceCodeAnalysis());
      for (SnippetSplitter.Piece piece : splitter.split(Files.readString(STARTUP))) {
        jshell.eval(piece.source());
      }
      List<SnippetEvent> events = jshell.eval(snippet);
      assertThat(events.get(0).value()).isEqualTo("\"x a 1 f 3\"");
    }
    Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
    Process p =
        new ProcessBuilder(
                jshell.toString(),
                "-q",
                "--class-path",
                System.getProperty("java.class.path"),
                "--startup",
                STARTUP.toString(),
                "-")
            .redirectErrorStream(true)
            .start();
    p.getOutputStream()
        .write(("System.out.println(" + snippet + ")\n/exit\n").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("x a 1 f 3")
        .doesNotContain("error");
  }
}

package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    assertThat(
            jshellTool(
                "System.out.println(\"ok \" + args.length + \" \" + Apimo.class.getName())\n"))
        .contains("ok 0 dev.apimoshell.Apimo")
        .doesNotContain("error");
  }

  /**
   * The JDK's jshell tool in this JVM ({@code JavaShellToolBuilder}, as the JDK's own tests drive
   * it), snippets executed locally, with our startup file: what it printed.
   */
  private static String jshellTool(String input) throws Exception {
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream screen = new java.io.PrintStream(printed, true, StandardCharsets.UTF_8);
    java.io.PrintStream saved = System.out;
    System.setOut(screen); // locally executed snippets print on System.out
    try {
      jdk.jshell.tool.JavaShellToolBuilder.builder()
          .in(
              new java.io.ByteArrayInputStream(
                  (input + "/exit\n").getBytes(StandardCharsets.UTF_8)),
              null)
          .out(screen)
          .err(screen)
          .persistence(new java.util.HashMap<>())
          .start(
              "-q",
              "--execution",
              "local",
              "--class-path",
              System.getProperty("java.class.path"),
              "--startup",
              STARTUP.toString(),
              "-");
    } finally {
      System.setOut(saved);
    }
    return printed.toString(StandardCharsets.UTF_8);
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
    assertThat(jshellTool("System.out.println(" + snippet + ")\n"))
        .contains("x a 1 f 3")
        .doesNotContain("error");
  }
}

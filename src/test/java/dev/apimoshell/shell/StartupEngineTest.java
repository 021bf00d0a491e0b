package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faster start keeps the session the same: startup.jsh's imports, compiled as one snippet, are
 * all in force and listed one by one; a bad import among them is still the one reported; an engine
 * warmed up on another thread writes where it is told once taken.
 */
class StartupEngineTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);

  @Test
  void everyStartupImportIsInForceAndListedAndTheHelpersWork() throws Exception {
    List<String> expected = new java.util.ArrayList<>();
    Matcher m =
        Pattern.compile("(?m)^import\\s+((?:static\\s+)?[\\w.*]+);")
            .matcher(Files.readString(Path.of("startup.jsh")));
    while (m.find()) {
      expected.add("import " + m.group(1));
    }
    try (JShellEngine engine = new JShellEngine(stream, stream)) {
      assertThat(engine.startupProblems()).isEmpty();
      assertThat(engine.imports()).containsExactlyElementsOf(expected).hasSizeGreaterThan(10);
      assertThat(value(engine, "Apimo.class.getName() + \" \" + LocalDate.class.getName()"))
          .isEqualTo("dev.apimoshell.Apimo java.time.LocalDate");
      assertThat(value(engine, "Pattern.class.getName() + \" \" + Query.class.getName()"))
          .isEqualTo("java.util.regex.Pattern dev.apimoshell.api.Query");
      engine.evalOne("println(args.length + 40);");
      assertThat(engine.imports()).contains("import static dev.apimoshell.shell.ScriptFunctions.*");
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("40");
      assertThat(engine.userSnippets()).hasSize(3); // the three above, no startup snippet
      engine.evalOne("import java.awt.Point;");
      assertThat(engine.imports()).endsWith("import java.awt.Point");
    }
  }

  @Test
  void aBadImportAmongGoodOnesIsTheOneReportedAndTheOthersHold(@TempDir Path home)
      throws Exception {
    Files.writeString(
        home.resolve("startup.jsh"),
        "import java.util.*;\n// a typo\nimport java.utill.*;\nimport java.time.*;\nint n = 3;\n");
    String saved = System.getProperty(JShellEngine.HOME_PROPERTY);
    System.setProperty(JShellEngine.HOME_PROPERTY, home.toString());
    try (JShellEngine engine = new JShellEngine(stream, stream)) {
      assertThat(engine.startupProblems())
          .singleElement()
          .isInstanceOfSatisfying(
              Outcome.Rejected.class, r -> assertThat(r.source()).contains("java.utill"));
      assertThat(engine.imports()).containsExactly("import java.util.*", "import java.time.*");
      assertThat(value(engine, "List.of(n) + \" \" + Duration.ZERO")).isEqualTo("[3] PT0S");
    } finally {
      if (saved == null) {
        System.clearProperty(JShellEngine.HOME_PROPERTY);
      } else {
        System.setProperty(JShellEngine.HOME_PROPERTY, saved);
      }
    }
  }

  @Test
  void aWarmedUpEngineWritesWhereItIsToldAndTheNextOneIsFresh() {
    PrintStream early = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    EngineWarmup warmup = EngineWarmup.start(early, early);
    try (JShellEngine first = warmup.take(stream, stream)) {
      first.evalOne("int kept = 1;");
      first.evalOne("System.out.println(\"to the taker\");");
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("to the taker");
      try (JShellEngine second = warmup.take(stream, stream)) {
        assertThat(second).isNotSameAs(first);
        assertThat(second.evalOne("kept")).singleElement().isInstanceOf(Outcome.Rejected.class);
      }
    }
  }

  @Test
  void argsAreSetWithoutCompilingAndEachSessionsArgReadsItsOwn() {
    try (JShellEngine one = new JShellEngine(stream, stream);
        JShellEngine two = new JShellEngine(stream, stream)) {
      long snippets = one.jshell().snippets().count();
      one.setArgs(List.of("a", "b"));
      two.setArgs(List.of("z"));
      one.withArgs(List.of("run"), () -> assertThat(value(one, "arg(0, \"x\")")).isEqualTo("run"));
      assertThat(value(one, "arg(1, \"x\") + args.length")).isEqualTo("b2");
      assertThat(value(two, "arg(0, \"x\") + args.length")).isEqualTo("z1");
      assertThat(one.userSnippets()).hasSize(2); // the values asked for, nothing to set args
      assertThat(one.jshell().snippets().count()).isEqualTo(snippets + 2);
    }
  }

  @Test
  void argReadsARedeclaredArgsAndExitEndsOnlyTheSnippet() {
    try (JShellEngine engine = new JShellEngine(stream, stream)) {
      engine.evalOne("String[] args = {\"mine\"};");
      assertThat(value(engine, "arg(0, \"x\")")).isEqualTo("mine");
      engine.setArgs(List.of("set"));
      assertThat(value(engine, "arg(0, \"x\")")).isEqualTo("set");
      List<Outcome> missing = engine.evalOne("arg(3, \"agency id\")");
      assertThat(JShellEngine.exitStatus(missing.get(0))).isEqualTo(2);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("usage: apimo-shell SCRIPT.jsh ARG ARG ARG AGENCY_ID");
      assertThat(JShellEngine.exitStatus(engine.evalOne("exit(7)").get(0))).isEqualTo(7);
      assertThat(value(engine, "1 + 1")).isEqualTo("2"); // the session goes on
    }
  }

  @Test
  void aPipeIsNoTerminal() {
    assertThat(Main.maybeTerminal(-1)).isTrue(); // nothing to tell: JLine decides
    // this JVM's stdout under surefire is a pipe or a file, never a terminal
    assertThat(Main.maybeTerminal(1)).isFalse();
  }

  private static String value(JShellEngine engine, String expression) {
    Outcome outcome = engine.evalOne(expression).get(0);
    assertThat(outcome).isInstanceOf(Outcome.Value.class);
    return String.valueOf(((Outcome.Value) outcome).value());
  }
}

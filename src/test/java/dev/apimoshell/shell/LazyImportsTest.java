package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A script's engine compiles only the startup imports its text names, and the others as soon as a
 * snippet needs them: the session behaves as if all were there.
 */
class LazyImportsTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);

  @Test
  void onlyTheImportsWhoseNamesTheTextUsesAreTaken() {
    LazyImports lazy = new LazyImports();
    lazy.add("import java.util.*;");
    lazy.add("// dates\nimport java.time.*;");
    lazy.add("import dev.apimoshell.*;");
    lazy.add("import static dev.apimoshell.shell.ScriptFunctions.*;");
    lazy.add("import java.util.regex.Pattern;");

    assertThat(lazy.takeNeeded("1 + 1 // a List in a comment counts"))
        .containsExactly("import java.util.*;");
    assertThat(lazy.takeNeeded("println(Apimo.agency(14))"))
        .containsExactly(
            "import dev.apimoshell.*;", "import static dev.apimoshell.shell.ScriptFunctions.*;");
    assertThat(lazy.takeNeeded("Pattern.compile(\"x\")"))
        .containsExactly("import java.util.regex.Pattern;");
    assertThat(lazy.takeAll()).containsExactly("// dates\nimport java.time.*;");
    assertThat(lazy.isEmpty()).isTrue();
  }

  @Test
  void aScriptsEngineImportsWhatItsSnippetsNeedAsTheyCome() {
    try (JShellEngine engine = new JShellEngine(stream, stream, () -> "1 + 1")) {
      assertThat(engine.jshell().imports()).isEmpty();
      assertThat(value(engine, "1 + 1")).isEqualTo("2");
      assertThat(value(engine, "List.of(LocalDate.of(2020, 1, 2))")).isEqualTo("[2020-01-02]");
      assertThat(compiledImports(engine))
          .containsExactly("import java.util.*;", "import java.time.*;");
      // javac reads \u004cist as List; the text does not name it: the snippet compiles again
      assertThat(value(engine, "new Array\\u004cist<>(Set.of(3))")).isEqualTo("[3]");
      assertThat(engine.userSnippets()).hasSize(3);
      assertThat(engine.imports()).hasSizeGreaterThan(10); // /imports lists them all
      assertThat(engine.userSnippets()).hasSize(3);
    }
  }

  @Test
  void importsTheScriptNamesBeforeItsFirstSnippet() {
    try (JShellEngine engine =
        new JShellEngine(stream, stream, () -> "var q = Apimo.agency(14);\nprintln(Map.of());")) {
      assertThat(compiledImports(engine))
          .contains("import dev.apimoshell.*;", "import java.util.*;")
          .doesNotContain("import java.time.*;");
      assertThat(engine.startupProblems()).isEmpty();
      assertThat(engine.userSnippets()).isEmpty();
      engine.evalOne("println(List.of(1).size() + 41);");
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("42");
    }
  }

  /** The import statements compiled so far (startup's come several to a snippet). */
  private static List<String> compiledImports(JShellEngine engine) {
    return engine
        .jshell()
        .imports()
        .flatMap(i -> i.source().lines())
        .map(String::strip)
        .filter(line -> line.startsWith("import "))
        .toList();
  }

  private static String value(JShellEngine engine, String expression) {
    List<Outcome> outcomes = engine.evalOne(expression);
    assertThat(outcomes).singleElement().isInstanceOf(Outcome.Value.class);
    return String.valueOf(((Outcome.Value) outcomes.get(0)).value());
  }
}
